#!/usr/bin/env python3
"""Scrapes feature-streams' /q/metrics twice, WINDOW seconds apart, and prints per family: vectors written,
freshness p50/p99 over the window (from the feature_freshness histogram's bucket deltas, linear inside a bucket),
Redis writes/s (applied + stale), the vectors above the 246-ms bucket and the cumulative bucket counts
between 60 ms and 1.1 s."""
import re, sys, time, urllib.request
URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8090/q/metrics"
WINDOW = float(sys.argv[2]) if len(sys.argv) > 2 else 180
LINE = re.compile(r'^([a-zA-Z_:]+)\{([^}]*)\} ([0-9.eE+-]+|NaN|\+Inf)$')

def scrape():
    text = urllib.request.urlopen(URL, timeout=10).read().decode()
    out = {}
    for line in text.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        name, labels, value = m.groups()
        labels = dict(kv.split('=', 1) for kv in re.findall(r'(\w+="[^"]*")', labels))
        labels = {k: v.strip('"') for k, v in labels.items()}
        out.setdefault(name, []).append((labels, float(value)))
    return out

def buckets(snapshot, family):
    return {(float('inf') if l['le'] == '+Inf' else float(l['le'])): v
            for l, v in snapshot.get('feature_freshness_seconds_bucket', []) if l.get('family') == family}

def writes(snapshot, family):
    return sum(v for l, v in snapshot.get('feature_redis_writes_total', []) if l.get('family') == family)

def quantile(delta, q):
    total = delta[max(delta)]
    if total == 0:
        return float('nan')
    target, prev_le, prev_count = q * total, 0.0, 0.0
    for le in sorted(delta):
        if delta[le] >= target:
            if le == float('inf'):
                return prev_le
            return prev_le + (le - prev_le) * (target - prev_count) / max(delta[le] - prev_count, 1e-9)
        prev_le, prev_count = le, delta[le]
    return float('nan')

a = scrape(); t0 = time.time()
time.sleep(WINDOW)
b = scrape(); elapsed = time.time() - t0
for family in ('supply_demand', 'velocity', 'congestion'):
    ba, bb = buckets(a, family), buckets(b, family)
    if not bb:
        continue
    delta = {le: bb[le] - ba.get(le, 0) for le in bb}
    n = delta[max(delta)]
    above = n - max((delta[le] for le in delta if le <= 0.25), default=0)
    print(f"{family}: {n:.0f} vectors applied in {elapsed:.0f} s, freshness p50 {quantile(delta, .5)*1000:.0f} ms, "
          f"p99 {quantile(delta, .99)*1000:.0f} ms; Redis writes {(writes(b, family) - writes(a, family)) / elapsed:.1f}/s; above 246 ms: {above:.0f}; buckets " + " ".join(f"{le*1000:.0f}:{delta[le]:.0f}" for le in sorted(delta) if 0.06 < le < 1.1))
