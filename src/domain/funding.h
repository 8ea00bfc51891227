// Where support is paid from: the funding domains, the business-case cost
// categories of report §8.2 and the basis of a cost, with their stable codes.
#pragma once

#include <optional>
#include <string_view>

namespace regie::domain {

// The first twelve are the domains of a municipality's allocation export
// (DATA-FORMATS.md); the rest complete the care map with the support the
// report names beside it: first-line care paid by the insurer, education and
// informal support.
enum class Domain {
  jeugd, wmo, participatie, schuldhulp, bijstand, bijzondere_bijstand, beschermd_wonen,
  maatschappelijke_opvang, zvw_ggz, wlz, uwv, niet_geindiceerd,
  zvw_huisarts, zvw_wijkverpleging, zvw_paramedisch,
  leerplicht, school_maatschappelijk_werk, passend_onderwijs,
  mantelzorg, vrijwilligers,
};

// The business-case cost categories of report §8.2, and those of the care
// map's further domains: first-line care (insurer), the education partnership
// and informal support, so that a business case can show them apart.
enum class Category { gemeente, niet_geindiceerd, uwv, zvw_ggz, wlz, zvw_eerstelijn, onderwijs, informeel };

enum class CostBasis { declared, price_list, estimate };

std::string_view to_string(Domain v);
std::string_view to_string(Category v);
std::string_view to_string(CostBasis v);
// Each parser accepts exactly the codes above; anything else is nullopt.
std::optional<Domain> parse_domain(std::string_view s);
std::optional<CostBasis> parse_cost_basis(std::string_view s);
std::optional<Category> parse_category(std::string_view s);

// Where a provision's cost falls in the business case: non-indicated support,
// other indicated support (UWV) and insured GGZ have their own category; the
// remaining municipal domains are municipal indicated support.
Category category_of(Domain d);

// The basis the report uses for a category: declared (municipal), price list
// (non-indicated, UWV) or estimate (GGZ). Support that is never declared per
// family (first-line care, education, informal support) is an estimate.
CostBasis default_basis(Domain d);

// Whether the domain occurs in a municipality's allocation export; the
// population analyses accept only these (DATA-FORMATS.md).
bool is_allocation_domain(Domain d);

// Whether support in the domain is usually granted by an indication (a
// decision or referral); the form's default for a new provision. Non-indicated
// support, the GP, school attendance, school social work and informal support
// are not.
bool indicated_by_default(Domain d);

// Municipal indicated provisions that count towards the target-group
// analysis (report §8.5): Youth, Wmo, social and special assistance.
bool is_municipal_indicated_for_target_group(Domain d);

}  // namespace regie::domain
