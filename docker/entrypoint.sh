#!/bin/sh
# Starts one app of the image: api (default), projector or audit; further arguments go to the app.
set -eu
app="${1:-api}"
case "$app" in
  api | projector | audit) shift $(( $# > 0 ? 1 : 0 )) ;;
  *) echo "usage: inwonersbudget api|projector|audit [args…] (got: $app)" >&2; exit 64 ;;
esac
exec node --enable-source-maps "/app/dist/apps/$app/apps/$app/src/main.js" "$@"
