#!/bin/sh
# Starts this pod's Redis as a replica of the primary the Sentinels name, or, in a new set, redis-0 as
# the primary. Nothing is persisted (ADR 0012), so a primary must never come back empty and be copied.
set -eu
domain="redis-headless.${POD_NAMESPACE}.svc.cluster.local"
self="${HOSTNAME}.${domain}"

ask_sentinels() {
  i=0
  while [ "${i}" -lt "${REDIS_PODS}" ]; do
    answer="$(timeout 2 redis-cli -h "redis-${i}.${domain}" -p 26379 --raw \
      sentinel get-master-addr-by-name features 2>/dev/null | head -n 1 || true)"
    if [ -n "${answer}" ]; then
      echo "${answer}"
      return 0
    fi
    i=$((i + 1))
  done
  return 1
}

primary="$(ask_sentinels || true)"
# The Sentinels still name this pod: it restarted before they noticed. Coming up empty as the primary
# would make the replicas drop their copies, so stay down until they fail over (5 s + an election).
waited=0
while [ "${primary}" = "${self}" ] && [ "${waited}" -lt 60 ]; do
  sleep 2
  waited=$((waited + 2))
  primary="$(ask_sentinels || true)"
done
if [ -z "${primary}" ]; then
  primary="redis-0.${domain}"
fi

set -- --port 6379 --dir /data --save "" --appendonly no \
  --maxmemory "${REDIS_MAXMEMORY}" --maxmemory-policy noeviction \
  --replica-announce-ip "${self}" --protected-mode no
if [ "${primary}" != "${self}" ]; then
  set -- "$@" --replicaof "${primary}" 6379
fi
exec redis-server "$@"
