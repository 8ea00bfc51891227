// BSN 11-check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be a multiple of 11.
#include "common/bsn.h"

namespace regie {

bool is_valid_bsn(std::string_view bsn) {
  if (bsn.size() != 9) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) {
    char c = bsn[i];
    if (c < '0' || c > '9') return false;
    int weight = i < 8 ? 9 - i : -1;
    sum += weight * (c - '0');
  }
  return sum != 0 && sum % 11 == 0;
}

std::string mask_bsn(std::string_view bsn) {
  if (bsn.size() < 3) return std::string(bsn.size(), '*');
  return std::string(bsn.size() - 3, '*') + std::string(bsn.substr(bsn.size() - 3));
}

}  // namespace regie
