#!/usr/bin/env bash
# Uses the bundled run job from the shaded jar as a new user would, and checks what it prints and writes:
#   1. MovieLens ratings (final lists, next-item preset);
#   2. a session-shaped JSON file with bad records (dead letters counted, nothing lost);
#   3. the same ratings read as the wrong format (exit 1, with a hint);
#   4. a missing input path (exit 2, one line naming files.input);
#   5. kill -9 mid-run with --checkpoint-dir, then a restart: final lists equal an uninterrupted run's,
#      no duplicate list, no in-progress part file left;
#   6. the same on RocksDB, uninterrupted and killed: outputs equal the HashMap run's.
# Not part of the build (it needs a MovieLens ratings file, which is not in the repository):
#   tools/usercheck.sh [ratings.csv] [work folder]
# defaults: ../shared/data/ml-latest-small/ratings.csv next to the clone, and a fresh temporary folder.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$repo/recs-examples/target/recs-examples-0.1.0-SNAPSHOT.jar"
ratings="${1:-$repo/../shared/data/ml-latest-small/ratings.csv}"
work="${2:-$(mktemp -d)}"
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests"; exit 2; }
[ -f "$ratings" ] || { echo "no ratings file at $ratings"; exit 2; }
mkdir -p "$work" && cd "$work" || exit 2
failures=0
check() { # check <description> <command...>: passes when the command succeeds
  local what="$1"
  shift
  if "$@"; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi
}
lines() { cat "$1"/*/* 2>/dev/null | wc -l; }
run() { java -jar "$jar" run "$@"; }
same() { diff -q <(cat "$1"/*/* | sort) <(cat "$2"/*/* | sort); } # same lines in two output folders
# kill_after_checkpoint <checkpoint dir> <log> <job args...>: starts the job, kills it with -9 a few
# seconds after its first checkpoint and progress line
kill_after_checkpoint() {
  local ckpt="$1" log="$2"
  shift 2
  java -jar "$jar" run "$@" --checkpoint-dir "$ckpt" > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do
    if ls -d "$ckpt"/*/chk-* > /dev/null 2>&1 && grep -q "progress" "$log"; then break; fi
    sleep 0.2
  done
  sleep 3
  kill -9 $pid
  wait $pid 2>/dev/null
  echo "killed after $(ls -d "$ckpt"/*/chk-* 2>/dev/null | tr '\n' ' ')"
}

echo "== 1. MovieLens, next-item, final lists ($ratings)"
run --input "$ratings" --format movielens-csv --preset next-item --emit final --output-dir ml > ml.log 2>&1
echo "exit $?" >> ml.log
cat ml.log
# movielens-csv keeps ratings of 4 and above (--rating-threshold): users with one get a list
users=$(awk -F, 'NR > 1 && $3 >= 4 {print $1}' "$ratings" | sort -u | wc -l)
check "exit 0" grep -q "^exit 0" ml.log
check "one final list per user with a rating of 4 or more ($users)" test "$(lines ml/recommendations)" -eq "$users"
check "lists have explanations" bash -c "cat ml/recommendations/*/* | head -1 | grep -q because"

echo "== 2. session-shaped JSON with bad records"
python3 - <<'EOF'
import json, random
random.seed(7)
with open("sessions.jsonl", "w") as f:
    bad = 0
    for s in range(2000):
        events = []
        t = 1661724000000 + s * 60000
        for e in range(random.randint(1, 12)):
            t += random.randint(1000, 60000)
            events.append({"aid": random.randint(1, 300) ** 2 % 997, "ts": t,
                           "type": random.choice(["clicks"] * 8 + ["carts", "orders"])})
        if s % 100 == 0:
            f.write('{"session": %d, "events": [{"aid": 1, "ts": "yesterday"}]}\n' % s); bad += 1
        elif s % 100 == 50:
            f.write('{"session": %d, "events": [\n' % s); bad += 1
        else:
            f.write(json.dumps({"session": s, "events": events}) + "\n")
open("sessions.bad", "w").write(str(bad))
EOF
run --input sessions.jsonl --format json --json-events events --json-user session --json-item aid \
  --json-timestamp ts --json-action type --action-map clicks=click,carts=cart,orders=purchase \
  --checkpoint-interval 1s --output-dir sessions > sessions.log 2>&1
echo "exit $?" >> sessions.log
cat sessions.log
check "exit 0" grep -q "^exit 0" sessions.log
check "every bad record a dead letter ($(cat sessions.bad))" test "$(lines sessions/dead-letters)" -eq "$(cat sessions.bad)"
check "rejected count printed" grep -q "rejected: $(cat sessions.bad) records" sessions.log
check "per-event lists written" test "$(lines sessions/recommendations)" -gt 2000

echo "== 3. wrong format"
run --input "$ratings" --format json --output-dir wrong > wrong.log 2>&1
echo "exit $?" >> wrong.log
cat wrong.log
check "exit 1" grep -q "^exit 1" wrong.log
check "a hint about the format" grep -qi "format" wrong.log

echo "== 4. missing input"
run --input /nonexistent/ratings.csv --format movielens-csv --output-dir missing > missing.log 2>&1
echo "exit $?" >> missing.log
cat missing.log
check "exit 2" grep -q "^exit 2" missing.log
check "names files.input" grep -q "files.input" missing.log

echo "== 5. kill -9 and restart with --checkpoint-dir"
# Five copies of the ratings under other user ids: one copy's final run ends in seconds, before a kill.
awk -F, 'NR == 1 { print; next } { for (k = 0; k < 5; k++) print ($1 * 10 + k) "," $2 "," $3 "," $4 }' \
  "$ratings" > ratings-x5.csv
args=(--input ratings-x5.csv --format movielens-csv --emit final --checkpoint-interval 1s)
run "${args[@]}" --output-dir whole > whole.log 2>&1
kill_after_checkpoint ckpt killed1.log "${args[@]}" --output-dir killed
run "${args[@]}" --checkpoint-dir ckpt --output-dir killed > killed2.log 2>&1
echo "exit $?" >> killed2.log
cat killed2.log
check "restart exit 0" grep -q "^exit 0" killed2.log
check "restart resumed from a checkpoint" grep -q "resuming from" killed2.log
check "no in-progress part file left" test -z "$(find killed -name '.*inprogress*')"
check "final lists equal an uninterrupted run's" same whole/recommendations killed/recommendations
for out in similar-items trending dead-letters; do
  check "$out equal an uninterrupted run's" same whole/$out killed/$out
done
check "no duplicate list" test -z "$(cat killed/recommendations/*/* | sort | uniq -d | head -1)"

echo "== 6. RocksDB: the same outputs as HashMap, also killed and restarted"
# The runs of step 5 used HashMap, the default; on RocksDB a final run appends row additions and sums them
# at the end, which must not change a list.
run "${args[@]}" --state-backend rocksdb --output-dir rocks > rocks.log 2>&1
echo "exit $?" >> rocks.log
check "rocksdb exit 0" grep -q "^exit 0" rocks.log
kill_after_checkpoint ckpt-rocks rocks-killed1.log "${args[@]}" --state-backend rocksdb --output-dir rocks-killed
run "${args[@]}" --state-backend rocksdb --checkpoint-dir ckpt-rocks --output-dir rocks-killed \
  > rocks-killed2.log 2>&1
echo "exit $?" >> rocks-killed2.log
check "rocksdb restart exit 0" grep -q "^exit 0" rocks-killed2.log
check "rocksdb restart resumed from a checkpoint" grep -q "resuming from" rocks-killed2.log
for out in recommendations similar-items trending; do
  check "rocksdb $out equal HashMap's" same whole/$out rocks/$out
  check "rocksdb killed and restarted: $out equal HashMap's" same whole/$out rocks-killed/$out
done

echo "== $failures failure(s); outputs under $work"
exit $((failures > 0))
