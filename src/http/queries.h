// Query-string parsers shared by the report routes; every error names the parameter.
#pragma once
#include <httplib.h>

#include <string>
#include <vector>

#include "common/result.h"
#include "service/businesscase.h"
#include "service/population.h"

namespace regie::http {

// The business-case query from URL parameters (t1, t2, household, director, ...).
Result<service::BusinessCaseQuery> business_case_query(const httplib::Request& req);
// Year, date and threshold of a population analysis; defaults are the report's.
Result<service::PopulationQuery> population_query(const httplib::Request& req);
// A comma-separated list of ids ("A,B,,C" gives A, B, C); empty when absent.
std::vector<std::string> id_list(const httplib::Request& req, const char* name);

}  // namespace regie::http
