#!/bin/bash
# The Edge Microgateway image's start path, step by step as the image's entrypoint takes it: the same working
# directory, files, environment and signal handling. `edgemicro` on PATH is ./edgemicro.mjs, which starts the real
# engine (microgateway-core and -plugins) in place of the 3.3.x CLI that npm does not serve.
set -u
cd /opt/apigee || exit 1

log() { echo "[$(date -u +%Y-%m-%dT%H:%M:%SZ)] $*" >> /tmp/entrypoint.log; }

CONFIG="/opt/apigee/.edgemicro/${EDGEMICRO_ORG}-${EDGEMICRO_ENV}-config.yaml"
log "writing ${CONFIG}"
echo "${EDGEMICRO_CONFIG}" | base64 -d > "${CONFIG}" || log "cannot write ${CONFIG}"
# The image edits the decoded file in place; sed -i writes a temporary file beside it and renames it.
sed -i -e '$a\' "${CONFIG}" || log "cannot edit ${CONFIG}"

_term() {
  log "SIGTERM: stopping"
  cd /opt/apigee && edgemicro stop >> /opt/apigee/logs/edgemicro.log 2>&1
  sleep "${EDGEMICRO_STOP_DELAY:-0}"
  log "stopped"
  exit 0
}
trap _term TERM

set -- start -o "${EDGEMICRO_ORG}" -e "${EDGEMICRO_ENV}" -k "${EDGEMICRO_KEY}" -s "${EDGEMICRO_SECRET}"
if [ -n "${EDGEMICRO_PROCESSES:-}" ]; then
  # With EDGEMICRO_PROCESSES the port comes from the config file alone.
  set -- "$@" -p "${EDGEMICRO_PROCESSES}"
else
  set -- "$@" -r "${EDGEMICRO_PORT:-8000}"
fi
if [ "${EDGEMICRO_LOCAL_PROXY:-0}" = "1" ]; then
  # The local proxy is named after the pod: edgemicro_ + the first dash-separated part of POD_NAME, upper-cased.
  PROXY_NAME="edgemicro_$(echo "${POD_NAME%%-*}" | tr '[:lower:]' '[:upper:]')"
  set -- "$@" -a "${PROXY_NAME}" -v 1 -b / -t "http://localhost:${CONTAINER_PORT}"
fi
log "starting edgemicro"
edgemicro "$@" >> /opt/apigee/logs/edgemicro.log 2>&1 &
# Whatever becomes of the gateway, the container stays up, as the image's does.
tail -f /dev/null &
wait $!
