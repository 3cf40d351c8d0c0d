# A measurement tool for docs/presets.md (not part of the build): python3 shop_sessions.py SEED writes
# train.jsonl and test.jsonl (recs' JSON layout) to the current folder.
#
# Session-shaped shop data: views, clicks, carts and purchases, where purchase intent follows taste.
# Each user has a home cluster; a session browses one cluster (home with probability 0.6, else any);
# views 3-8 items of it, clicks 1-3 of the viewed, and with probability 0.5 (home-cluster session)
# or 0.1 (other) carts one viewed item and buys it. Held out: each user's last session; its
# purchases are the test set (users whose last session has none are not evaluated).
import json, random, sys
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
rnd = random.Random(seed)
USERS, CLUSTERS, PER = 3000, 40, 40
def item(c):  # popularity within a cluster: zipf-ish
    k = min(int(rnd.paretovariate(1.2)) - 1, PER - 1)
    return f"i{c * PER + k}"
train, test = [], []
t0 = 1_700_000_000_000
for u in range(USERS):
    home = rnd.randrange(CLUSTERS)
    t = t0 + rnd.randrange(86_400_000)
    sessions = rnd.randint(4, 10)
    for s in range(sessions):
        t += rnd.randrange(3_600_000, 5 * 86_400_000)
        c = home if rnd.random() < 0.6 else rnd.randrange(CLUSTERS)
        viewed = []
        events = []
        for _ in range(rnd.randint(3, 8)):
            i = item(c); viewed.append(i); t += rnd.randrange(5_000, 120_000)
            events.append((i, "view", t))
        for i in rnd.sample(viewed, min(len(viewed), rnd.randint(1, 3))):
            t += rnd.randrange(5_000, 60_000); events.append((i, "click", t))
        if rnd.random() < (0.5 if c == home else 0.1):
            i = rnd.choice(viewed)
            t += rnd.randrange(5_000, 60_000); events.append((i, "cart", t))
            t += rnd.randrange(5_000, 600_000); events.append((i, "purchase", t))
        last = s == sessions - 1
        for i, a, ts in events:
            rec = {"userId": f"u{u}", "itemId": i, "action": a, "timestamp": ts}
            if not last:
                train.append(rec)
            elif a == "purchase":
                test.append(rec)
train.sort(key=lambda r: r["timestamp"])
with open("train.jsonl", "w") as f:
    f.writelines(json.dumps(r) + "\n" for r in train)
with open("test.jsonl", "w") as f:
    f.writelines(json.dumps(r) + "\n" for r in test)
acts = {}
for r in train: acts[r["action"]] = acts.get(r["action"], 0) + 1
print(len(train), "train events", acts, len(test), "test purchases")
