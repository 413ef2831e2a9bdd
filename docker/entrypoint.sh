#!/bin/sh
# Starts one app of the image: api (default), projector or audit; further arguments go to the app.
set -eu
app="${1:-api}"
case "$app" in
  api | projector | audit) shift $(( $# > 0 ? 1 : 0 )) ;;
  *) echo "usage: inwonersbudget api|projector|audit [args…] (got: $app)" >&2; exit 64 ;;
esac
# The audit CLI reads the whole store: a 64 MB young generation saves about a fifth of its CPU (docs/audit.md).
if [ "$app" = audit ]; then set -- --max-semi-space-size=64 "/app/dist/apps/$app/apps/$app/src/main.js" "$@"; else set -- "/app/dist/apps/$app/apps/$app/src/main.js" "$@"; fi
exec node --enable-source-maps "$@"
