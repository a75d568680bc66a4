#!/bin/bash
# Failover drill of components/redis-sentinel/{redis,sentinel}.sh without a cluster: three "pods" in
# network namespaces of their own (10.99.0.10-12 on a private bridge), their DNS names from
# /etc/netns/<ns>/hosts, the scripts run as the StatefulSet runs them. Needs root, iproute2, and
# redis-server + redis-cli 6.2 or newer (REDIS_BIN_DIR, default: where redis-server is on the PATH).
# It checks: a new set, the primary killed and left down (failover, data kept), the old primary back
# (a replica, data kept), the primary restarted before the Sentinels notice (waits, data kept).
set -u
D=$(mktemp -d)
R=${REDIS_BIN_DIR:-$(dirname "$(command -v redis-server)")}
export LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}
SRC=$(cd "$(dirname "$0")/../components/redis-sentinel" && pwd)
DOMAIN=redis-headless.test.svc.cluster.local
CLI="$R/redis-cli"

setup() {
  ip netns add rdhub
  ip -n rdhub link add br0 type bridge
  ip -n rdhub link set br0 up
  for i in 0 1 2; do
    ip netns add rd$i
    ip link add rv$i netns rd$i type veth peer name rb$i netns rdhub
    ip -n rdhub link set rb$i master br0
    ip -n rdhub link set rb$i up
    ip -n rd$i addr add 10.99.0.1$i/24 dev rv$i
    ip -n rd$i link set rv$i up
    ip -n rd$i link set lo up
    mkdir -p /etc/netns/rd$i $D/p$i/data $D/p$i/sentinel
    {
      echo "127.0.0.1 localhost"
      for j in 0 1 2; do echo "10.99.0.1$j redis-$j.$DOMAIN"; done
    } > /etc/netns/rd$i/hosts
    sed -e "s#/data#$D/p$i/data#g" -e "s#/sentinel#$D/p$i/sentinel#g" $SRC/redis.sh > $D/p$i/redis.sh
    sed -e "s#dir /sentinel#dir $D/p$i/sentinel#" -e "s#/sentinel/sentinel.conf#$D/p$i/sentinel/sentinel.conf#g" $SRC/sentinel.sh > $D/p$i/sentinel.sh
  done
}

start() { # pod, container
  ip netns exec rd$1 env -i HOSTNAME=redis-$1 POD_NAMESPACE=test REDIS_PODS=3 REDIS_MAXMEMORY=64mb \
    LD_LIBRARY_PATH=$LD_LIBRARY_PATH PATH=$R:/usr/bin:/bin sh $D/p$1/$2.sh >> $D/p$1/$2.log 2>&1 &
  echo $! > $D/p$1/$2.pid
}

kill_container() { kill -9 "$(cat $D/p$1/$2.pid)" 2>/dev/null; }

in_ns() { local pod=$1; shift; ip netns exec rd$pod env LD_LIBRARY_PATH=$LD_LIBRARY_PATH "$@"; }

wait_ping() { # pod, port
  for _ in $(seq 1 60); do
    in_ns $1 $CLI -h redis-$1.$DOMAIN -p $2 ping 2>/dev/null | grep -q PONG && return 0
    sleep 1
  done
  echo "redis-$1:$2 never answered"; return 1
}

primary() { in_ns 1 $CLI -h redis-1.$DOMAIN -p 26379 --raw sentinel get-master-addr-by-name features | head -1; }
role() { in_ns $1 $CLI -h redis-$1.$DOMAIN -p 6379 --raw role 2>/dev/null | head -1; }

teardown() {
  for i in 0 1 2; do kill_container $i redis; kill_container $i sentinel; done
  sleep 1
  for i in 0 1 2; do ip netns del rd$i 2>/dev/null; rm -rf /etc/netns/rd$i; done
  ip netns del rdhub 2>/dev/null
  rm -rf "$D"
}
trap teardown EXIT

setup
# OrderedReady: each pod's two containers, then the next pod
for i in 0 1 2; do
  start $i redis; start $i sentinel
  wait_ping $i 6379 && wait_ping $i 26379
done
sleep 3
echo "== fresh set: primary per Sentinel: $(primary); roles: $(role 0) $(role 1) $(role 2)"
P=$(primary)
in_ns 0 $CLI -h "$P" set card:1 "velocity" >/dev/null
sleep 1
echo "   key on replicas: $(in_ns 1 $CLI -h redis-1.$DOMAIN get card:1) $(in_ns 2 $CLI -h redis-2.$DOMAIN get card:1)"

sleep 12
echo "== 1. kill the primary (redis-0) and leave it down"
kill_container 0 redis
sleep 15
P=$(primary)
echo "   Sentinel now names: $P; key there: $(in_ns 1 $CLI -h "$P" get card:1)"

echo "== 2. restart redis-0: it must come back as a replica of $P, with the data"
start 0 redis
wait_ping 0 6379; sleep 8
echo "   redis-0 role: $(role 0); key on redis-0: $(in_ns 0 $CLI -h redis-0.$DOMAIN get card:1)"

sleep 12
echo "== 3. kill the current primary and restart it at once, before the Sentinels notice"
P=$(primary); PI=${P:6:1}
kill_container $PI redis
start $PI redis
sleep 2
echo "   restarted redis-$PI while Sentinel still names: $(primary); its log:"
sleep 25
wait_ping $PI 6379
tail -n 3 $D/p$PI/redis.log | cut -c1-150
NEW=$(primary)
echo "   Sentinel now names: $NEW; redis-$PI role: $(role $PI); key on new primary: $(in_ns 1 $CLI -h "$NEW" get card:1); key on redis-$PI: $(in_ns 1 $CLI -h redis-$PI.$DOMAIN get card:1)"
