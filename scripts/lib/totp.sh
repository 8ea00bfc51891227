# Sourced by scripts that sign in to a demo server (bench/, tests/reliability/).
# The second factor: a 6-digit code from the printed base32 secret in $totp
# (oathtool, as an authenticator app). A server takes each time step's code
# once, and the next step's early, so a repeated sign-in within one step uses
# the next one.
next_code() {  # sets $code
  command -v oathtool >/dev/null || { echo "$0: oathtool is not installed (run scripts/setup.sh)" >&2; exit 1; }
  local step=$(($(date +%s) / 30))
  ((step > ${last_step:--1})) || step=$((last_step + 1))
  while ((step > $(date +%s) / 30 + 1)); do sleep 1; done
  last_step=$step
  code=$(oathtool --totp -b -N "@$((step * 30))" "$totp")
}
