// Cost snapshot: the annualised cost of everything active on one date, per
// cost category — the figures of the business case at T1 and T2.
#pragma once
#include <map>
#include <vector>

#include "domain/model.h"

namespace regie::domain {

std::map<Category, Cents> cost_snapshot(const std::vector<Provision>& provisions, Date on);

}  // namespace regie::domain
