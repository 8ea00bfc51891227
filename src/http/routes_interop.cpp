// API routes of one area; see api.h.
#include "http/api.h"

namespace regie::http {

void add_interop_routes(Api& api) { (void)api; }

}  // namespace regie::http
