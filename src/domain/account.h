// Who signs in: roles and accounts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace regie::domain {

enum class Role { director, professional, member, analyst, team_lead, administrator };

std::string_view to_string(Role v);
// Accepts exactly the codes above; anything else is nullopt.
std::optional<Role> parse_role(std::string_view s);

struct Account {
  std::string username;
  std::string display_name;
  Role role = Role::member;
  std::string password_hash;  // Argon2id string from libsodium; never leaves the store layer
  bool disabled = false;
  // Who the account belongs to, for the access rules: a professional record
  // (and so an organisation) or a household member. Empty for other roles.
  std::optional<std::string> professional_id = std::nullopt;
  std::optional<std::string> member_id = std::nullopt;
  // How the household reaches its director (shown on /mijn); empty when not
  // filled in. Any role may have them, only a director's are shown.
  std::string phone = {};
  std::string email = {};
};

}  // namespace regie::domain
