#!/usr/bin/env bash
# careerkit on The Littlest JupyterHub (TLJH), for a school or a district up to ~100 people at
# once. Run as root on the TLJH server, from a checkout of careerkit, after TLJH's own install:
#
#   sudo bash deploy/tljh/setup.sh [CODES]      # CODES: how many sign-in codes (default 0)
#
# Every step is an ordinary TLJH step (tljh-config, the user and hub environments,
# jupyterhub_config.d); read deploy/README.md for what each one does. Safe to run again.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
CODES="${1:-0}"
TLJH=/opt/tljh

# 1. The participants' environment: careerkit, the app's Voilà and its kernel.
"$TLJH/user/bin/python" -m pip install --quiet "$REPO[lab]"

# 2. The notebooks, shared and read-only (each participant's workbooks go to their own home).
install -d -m 755 /srv/careerkit
rm -rf /srv/careerkit/notebooks
cp -r "$REPO/notebooks" /srv/careerkit/notebooks
rm -rf /srv/careerkit/notebooks/workbooks
chmod -R a+rX,go-w /srv/careerkit/notebooks

# 3. Default page, per-participant workbook folder, kernel culling.
install -d -m 755 "$TLJH/config/jupyterhub_config.d"
install -m 644 "$REPO/deploy/tljh/careerkit.py" "$TLJH/config/jupyterhub_config.d/careerkit.py"

# 4. Resources per participant (see deploy/README.md: about 0.3-0.5 GB each with the app).
tljh-config set limits.memory 1G
tljh-config set limits.cpu 1

# 5. Idle servers are stopped after an hour without activity (TLJH's jupyterhub-idle-culler).
tljh-config set services.cull.enabled true
tljh-config set services.cull.timeout 3600
tljh-config set services.cull.every 300

# 6. Sign-in with one-time workshop codes (skip this step to keep your own authenticator).
if [ "$CODES" -gt 0 ]; then
  # the hub's environment needs only the small code module (careerkit's imports are lazy)
  "$TLJH/hub/bin/python" -m pip install --quiet --no-deps "$REPO"
  "$TLJH/hub/bin/python" -m pip install --quiet filelock
  tljh-config set auth.type careerkit.workshop.auth.WorkshopCodeAuthenticator
  tljh-config set auth.WorkshopCodeAuthenticator.codes_file "$TLJH/state/careerkit/codes.json"
  (umask 077; "$TLJH/user/bin/careerkit" workshop codes -n "$CODES" \
     --state "$TLJH/state/careerkit" > /root/careerkit-codes.txt)
  echo "$CODES sign-in codes in /root/careerkit-codes.txt: print, hand out, then delete it."
fi

tljh-config reload
