// Where support is paid from: the funding domains, the business-case cost
// categories of report §8.2 and the basis of a cost, with their stable codes.
#pragma once

#include <optional>
#include <string_view>

namespace regie::domain {

enum class Domain {
  jeugd, wmo, participatie, schuldhulp, bijstand, bijzondere_bijstand, beschermd_wonen,
  maatschappelijke_opvang, zvw_ggz, wlz, uwv, niet_geindiceerd,
};

// The business-case cost categories of report §8.2.
enum class Category { gemeente, niet_geindiceerd, uwv, zvw_ggz, wlz };

enum class CostBasis { declared, price_list, estimate };

std::string_view to_string(Domain v);
std::string_view to_string(Category v);
std::string_view to_string(CostBasis v);
// Each parser accepts exactly the codes above; anything else is nullopt.
std::optional<Domain> parse_domain(std::string_view s);
std::optional<CostBasis> parse_cost_basis(std::string_view s);

// Where a provision's cost falls in the business case: non-indicated support,
// other indicated support (UWV) and insured GGZ have their own category; the
// remaining municipal domains are municipal indicated support.
Category category_of(Domain d);

// The basis the report uses for a category: declared (municipal), price list
// (non-indicated, UWV) or estimate (GGZ).
CostBasis default_basis(Domain d);

// Municipal indicated provisions that count towards the target-group
// analysis (report §8.5): Youth, Wmo, social and special assistance.
bool is_municipal_indicated_for_target_group(Domain d);

}  // namespace regie::domain
