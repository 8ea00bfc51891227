// Writes households.csv and allocations.csv of national scale with the
// statistical shape of shared/data/population (domain mix, allocations and
// clients per household, cost levels per domain, start and end dates, ~50
// neighbourhoods, ~3000 providers), for bench/population.sh.
//
//   regie_gen_population OUT_DIR [HOUSEHOLDS=1500000] [SEED=20191231]
//
// The output depends only on the arguments: the random generator and every
// distribution are written out here (no std:: distributions, whose results
// differ between standard libraries). Allocations are grouped by household,
// as in the municipal exports the fixture imitates.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Rng {  // splitmix64: tiny, fast and good enough for test data
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  int below(int n) { return static_cast<int>(uniform() * n); }
  double normal() {  // Box-Muller
    double u1 = uniform(), u2 = uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  // Index drawn with the given (unnormalised) weights.
  int pick(const std::vector<double>& w) {
    double total = 0;
    for (double x : w) total += x;
    double r = uniform() * total;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (r < w[i]) return static_cast<int>(i);
      r -= w[i];
    }
    return static_cast<int>(w.size()) - 1;
  }
};

// Days since 1970-01-01 and back (the days-from-civil algorithm).
int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void write_date(std::string& out, int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  out += buf;
}

const char* kNeighbourhoods[] = {
    "Binnenstad", "Boschpoort", "Belfort", "Oud-Caberg", "Kommelkwartier", "Brusselsepoort", "Randwyck",
    "Malberg", "Scharn", "Wittevrouwenveld", "Nazareth", "Limmel", "Caberg", "Pottenberg", "Mariaberg",
    "Wyckerpoort", "Heer", "Heugem", "Amby", "Itteren", "Borgharen", "Blauwdorp", "Heerdeberg", "Daalhof",
    "Dousberg", "Hazendans", "Biesland", "Campagne", "Villapark", "Jekerdal", "Sint Pieter", "Jekerkwartier",
    "Statenkwartier", "Wyck", "Ceramique", "Frontenkwartier", "Beatrixhaven", "Lanakerveld", "Sint Maartenspoort",
    "Trichterveld", "Vroendaal", "De Heeg", "Eyldergaard", "Mariavelden", "Belvedere", "Oostermaas",
    "Wolder", "Bosscherveld", "Meerssenhoven", "Vijverdal"};
constexpr int kNeighbourhoodCount = sizeof kNeighbourhoods / sizeof kNeighbourhoods[0];

struct DomainShape {
  const char* code;
  const char* product;  // product code prefix
  double weight;        // share of allocations in the fixture
  bool municipal;       // costs like the municipal indicated provisions (long tail)
};
const DomainShape kDomains[] = {
    {"jeugd", "JG", 8334, true},          {"wmo", "WM", 8161, true},
    {"bijstand", "BS", 4417, true},       {"bijzondere_bijstand", "BB", 2398, true},
    {"zvw_ggz", "ZV", 2385, false},       {"uwv", "UW", 1815, false},
    {"niet_geindiceerd", "NG", 1779, false}, {"participatie", "PA", 1764, false},
    {"beschermd_wonen", "BW", 1763, false}, {"schuldhulp", "SH", 1728, false}};
constexpr int kProviders = 3000;

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR [HOUSEHOLDS] [SEED]\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  const long households = argc > 2 ? std::atol(argv[2]) : 1'500'000;
  Rng rng{argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20191231ull};
  if (households <= 0 || households > 9'999'999) {
    std::fprintf(stderr, "HOUSEHOLDS must be 1..9999999\n");
    return 2;
  }

  // Distributions measured on the fixture.
  const std::vector<double> allocations_per_household = {0,   1618, 1387, 1770, 1753, 1296, 781, 435, 238,
                                                         89,  38,   20,   10,   7,    4,    1,   2};
  const std::vector<double> clients_per_household = {0, 7465, 1425, 387, 121, 29, 15, 4, 3};
  const std::vector<double> extra_members = {2507, 2879, 2929, 745, 308, 58, 14, 4, 4, 1};
  std::vector<double> domain_weights;
  for (auto& d : kDomains) domain_weights.push_back(d.weight);
  // Neighbourhood sizes vary a little; providers follow a long tail (a few large ones).
  std::vector<double> neighbourhood_weights;
  for (int i = 0; i < kNeighbourhoodCount; ++i) neighbourhood_weights.push_back(0.6 + rng.uniform());
  const int start_lo = days_from_civil(2016, 4, 6), y2017 = days_from_civil(2017, 1, 1),
            y2018 = days_from_civil(2018, 1, 1), y2019 = days_from_civil(2019, 1, 1),
            y2020 = days_from_civil(2020, 1, 1), start_hi = days_from_civil(2020, 10, 27),
            end_lo = days_from_civil(2018, 12, 31), end_hi = days_from_civil(2021, 12, 1);
  const std::vector<double> start_year = {5946, 13796, 13452, 646, 704};
  const int year_from[] = {start_lo, y2017, y2018, y2019, y2020}, year_to[] = {y2017, y2018, y2019, y2020, start_hi};

  std::FILE* hf = std::fopen((dir + "/households.csv").c_str(), "wb");
  std::FILE* af = std::fopen((dir + "/allocations.csv").c_str(), "wb");
  if (!hf || !af) {
    std::perror(dir.c_str());
    return 1;
  }
  std::string h = "household_id,neighbourhood,members\n";
  std::string a =
      "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,end_date,"
      "hours_per_week,yearly_cost_eur\n";
  long allocation = 0, client = 0;
  char buf[256];
  for (long hh = 1; hh <= households; ++hh) {
    const char* nbh = kNeighbourhoods[rng.pick(neighbourhood_weights)];
    int n_alloc = rng.pick(allocations_per_household);
    int n_clients = std::min(rng.pick(clients_per_household), n_alloc);
    int members = std::max(n_clients, 1 + rng.pick(extra_members));
    std::snprintf(buf, sizeof buf, "HH%07ld,%s,%d\n", hh, nbh, members);
    h += buf;
    // A household's level of need scales all its municipal costs: this gives
    // the long tail of table 6 (a few percent of households above €30 000).
    double need = std::exp(0.55 * rng.normal());
    long first_client = client + 1;
    client += n_clients;
    for (int k = 0; k < n_alloc; ++k) {
      const DomainShape& d = kDomains[rng.pick(domain_weights)];
      // The first allocations go to distinct clients, so each client has one.
      long cl = k < n_clients ? first_client + k : first_client + rng.below(n_clients);
      double u = rng.uniform();
      int provider = 1 + static_cast<int>(kProviders * u * u);
      int y = rng.pick(start_year);
      int start = year_from[y] + rng.below(year_to[y] - year_from[y]);
      std::string line;
      std::snprintf(buf, sizeof buf, "AL%09ld,HH%07ld,CL%08ld,%s,%s,PRV%05d,%s%02d,", ++allocation, hh, cl, nbh,
                    d.code, provider, d.product, rng.below(100));
      line = buf;
      write_date(line, start);
      line += ',';
      if (rng.uniform() >= 0.43) {  // 43 % are open-ended
        int lo = std::max(start, end_lo);
        write_date(line, lo + rng.below(std::max(1, end_hi - lo)));
      }
      double euros = d.municipal ? std::min(80000.0, 2400.0 * need * std::exp(0.85 * rng.normal()))
                                 : 300.0 + rng.uniform() * 29700.0;
      long cents = std::max(1L, std::lround(euros * 100));
      std::snprintf(buf, sizeof buf, ",%d,%ld.%02ld\n", 1 + rng.below(12), cents / 100, cents % 100);
      line += buf;
      a += line;
    }
    if (a.size() > (1 << 22)) {
      std::fwrite(a.data(), 1, a.size(), af);
      a.clear();
    }
    if (h.size() > (1 << 20)) {
      std::fwrite(h.data(), 1, h.size(), hf);
      h.clear();
    }
  }
  std::fwrite(a.data(), 1, a.size(), af);
  std::fwrite(h.data(), 1, h.size(), hf);
  if (std::fclose(af) != 0 || std::fclose(hf) != 0) {
    std::perror("write");
    return 1;
  }
  std::fprintf(stderr, "%ld households, %ld allocations, %ld clients in %s\n", households, allocation, client,
               dir.c_str());
  return 0;
}
