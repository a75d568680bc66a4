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

another_copy_alive() {
  i=0
  while [ "${i}" -lt "${REDIS_PODS}" ]; do
    if [ "redis-${i}" != "${HOSTNAME}" ] \
        && timeout 2 redis-cli -h "redis-${i}.${domain}" -p 6379 ping 2>/dev/null | grep -q PONG; then
      return 0
    fi
    i=$((i + 1))
  done
  return 1
}

primary="$(ask_sentinels || true)"
# The Sentinels still name this pod: it restarted before they failed over. Coming up empty as the
# primary would make the replicas drop their copies, so stay down while another copy is alive and let
# the Sentinels promote it (a failed attempt is retried after 2 x failover-timeout). With no other
# copy alive there is nothing to lose, and this pod starts the set again.
while [ "${primary}" = "${self}" ] && another_copy_alive; do
  sleep 2
  primary="$(ask_sentinels || true)"
done
# No Sentinel knows a primary: a new set, which redis-0 starts.
primary="${primary:-redis-0.${domain}}"

set -- --port 6379 --dir /data --save "" --appendonly no \
  --maxmemory "${REDIS_MAXMEMORY}" --maxmemory-policy noeviction \
  --replica-announce-ip "${self}" --protected-mode no
if [ "${primary}" != "${self}" ]; then
  set -- "$@" --replicaof "${primary}" 6379
fi
exec redis-server "$@"
