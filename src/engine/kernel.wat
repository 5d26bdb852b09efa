;; The engine's two hot loops, in WebAssembly: the sensitivity sampler (`sample`) and the
;; decision that flips and the roadmap re-run for dozens of changed answers (`decide`, with
;; `weigh` for its weights and `stackRows` for the ratings of the stacks it compares).
;; They do the arithmetic of the engine's TypeScript (score.ts, context.ts) in the same order, so
;; both give the same results to the last bit: the tests hold them to it, and where WebAssembly
;; is missing (node --jitless) the TypeScript decides instead. Why WebAssembly: docs/performance.md.
;; The build and the tests turn this text into the binary (scripts/wat.mjs).
;;
;; `sample` memory (little-endian f64 unless said): base[n] weights, m[rows*n] weight x rating x
;; 20, fixed[rows] fixed costs, live[rows] one byte per row (0 = left out), f[n] scratch,
;; first[singles] counts of samples in which each single row ranks first. Rows are the single
;; tools, then the stacks. Returns the number of samples whose pick is row $baseline.
(module
  (memory (export "memory") 1)
  (func (export "sample")
    (param $n i32) (param $rows i32) (param $singles i32) (param $samples i32) (param $seed i32)
    (param $lo f64) (param $span f64) (param $margin f64) (param $baseline i32)
    (param $pBase i32) (param $pM i32) (param $pFixed i32) (param $pLive i32) (param $pF i32) (param $pFirst i32)
    (result i32)
    (local $k i32) (local $c i32) (local $r i32) (local $a i32) (local $t i32) (local $row i32)
    (local $total f64) (local $factor f64) (local $dot f64) (local $score f64)
    (local $bestSingle i32) (local $bestStack i32) (local $bestSingleScore f64) (local $bestStackScore f64)
    (local $chosen i32) (local $same i32)
    (local.set $a (local.get $seed))
    (block $doneK
      (loop $nextK
        (br_if $doneK (i32.ge_u (local.get $k) (local.get $samples)))
        ;; One factor per weighted criterion: mulberry32, mapped onto [lo, lo + span).
        (local.set $total (f64.const 0))
        (local.set $c (i32.const 0))
        (block $doneC
          (loop $nextC
            (br_if $doneC (i32.ge_u (local.get $c) (local.get $n)))
            (local.set $a (i32.add (local.get $a) (i32.const 0x6d2b79f5)))
            (local.set $t
              (i32.mul
                (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 15)))
                (i32.or (local.get $a) (i32.const 1))))
            (local.set $t
              (i32.xor
                (local.get $t)
                (i32.add
                  (local.get $t)
                  (i32.mul
                    (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 7)))
                    (i32.or (local.get $t) (i32.const 61))))))
            (local.set $factor
              (f64.add
                (local.get $lo)
                (f64.mul
                  (local.get $span)
                  ;; times 2^-32: the same number as dividing by 2^32, without a division
                  (f64.mul
                    (f64.convert_i32_u (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 14))))
                    (f64.const 0x1p-32)))))
            (f64.store (i32.add (local.get $pF) (i32.shl (local.get $c) (i32.const 3))) (local.get $factor))
            (local.set $total
              (f64.add
                (local.get $total)
                (f64.mul (f64.load (i32.add (local.get $pBase) (i32.shl (local.get $c) (i32.const 3)))) (local.get $factor))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $nextC)))
        ;; Score the live rows; keep the best single tool and the best stack (ties: earlier row).
        (local.set $bestSingle (i32.const -1))
        (local.set $bestStack (i32.const -1))
        (local.set $bestSingleScore (f64.const -inf))
        (local.set $bestStackScore (f64.const -inf))
        (local.set $r (i32.const 0))
        (block $doneR
          (loop $nextR
            (br_if $doneR (i32.ge_u (local.get $r) (local.get $rows)))
            (if (i32.load8_u (i32.add (local.get $pLive) (local.get $r)))
              (then
                (local.set $dot (f64.const 0))
                (local.set $row (i32.add (local.get $pM) (i32.shl (i32.mul (local.get $r) (local.get $n)) (i32.const 3))))
                (local.set $c (i32.const 0))
                (block $doneD
                  (loop $nextD
                    (br_if $doneD (i32.ge_u (local.get $c) (local.get $n)))
                    (local.set $dot
                      (f64.add
                        (local.get $dot)
                        (f64.mul
                          (f64.load (i32.add (local.get $row) (i32.shl (local.get $c) (i32.const 3))))
                          (f64.load (i32.add (local.get $pF) (i32.shl (local.get $c) (i32.const 3)))))))
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (br $nextD)))
                (local.set $score
                  (f64.sub
                    (f64.div (local.get $dot) (local.get $total))
                    (f64.load (i32.add (local.get $pFixed) (i32.shl (local.get $r) (i32.const 3))))))
                (if (f64.lt (local.get $score) (f64.const 0))
                  (then (local.set $score (f64.const 0))))
                (if (i32.lt_u (local.get $r) (local.get $singles))
                  (then
                    (if (f64.gt (local.get $score) (local.get $bestSingleScore))
                      (then
                        (local.set $bestSingleScore (local.get $score))
                        (local.set $bestSingle (local.get $r)))))
                  (else
                    (if (f64.gt (local.get $score) (local.get $bestStackScore))
                      (then
                        (local.set $bestStackScore (local.get $score))
                        (local.set $bestStack (local.get $r))))))))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $nextR)))
        ;; The decision rule: a stack only when it beats the best single tool by the margin.
        (local.set $chosen (local.get $bestSingle))
        (if (i32.ge_s (local.get $bestStack) (i32.const 0))
          (then
            (if (i32.or
                  (i32.lt_s (local.get $bestSingle) (i32.const 0))
                  (f64.ge (local.get $bestStackScore) (f64.add (local.get $bestSingleScore) (local.get $margin))))
              (then (local.set $chosen (local.get $bestStack))))))
        (if (i32.eq (local.get $chosen) (local.get $baseline))
          (then (local.set $same (i32.add (local.get $same) (i32.const 1)))))
        (if (i32.ge_s (local.get $bestSingle) (i32.const 0))
          (then
            (local.set $row (i32.add (local.get $pFirst) (i32.shl (local.get $bestSingle) (i32.const 3))))
            (f64.store (local.get $row) (f64.add (f64.load (local.get $row)) (f64.const 1)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $nextK)))
    (local.get $same))

  ;; One decision, as decideTools makes it: each open row scores
  ;;   max(0, (sum_i w_i r_i) * 100 / 5 - (seams x perSeam + unmet needs x points)),
  ;; the best single tool and the best stack are kept (ties: earlier row), and the stack wins
  ;; only by the margin. Returns the chosen row, or -1 when every row is excluded.
  ;; Memory: w[n], ratings[rows*n] (rows: single tools, then stacks), seams[rows] f64;
  ;; members[rows] i32 (bit t = tool t); reqIndex[nReq] i32 and reqMin[nReq] f64.
  (func (export "decide")
    (param $n i32) (param $rows i32) (param $singles i32) (param $pW i32) (param $pR i32) (param $pSeams i32)
    (param $perSeam f64) (param $pMembers i32) (param $excluded i32) (param $pReqIndex i32) (param $pReqMin i32)
    (param $nReq i32) (param $points f64) (param $margin f64)
    (result i32)
    (local $r i32) (local $i i32) (local $k i32) (local $row i32)
    (local $s f64) (local $fixed f64) (local $rating f64) (local $min f64) (local $score f64)
    (local $bestSingle i32) (local $bestStack i32) (local $bestSingleScore f64) (local $bestStackScore f64)
    (local.set $bestSingle (i32.const -1))
    (local.set $bestStack (i32.const -1))
    (local.set $bestSingleScore (f64.const -inf))
    (local.set $bestStackScore (f64.const -inf))
    (block $doneR
      (loop $nextR
        (br_if $doneR (i32.ge_u (local.get $r) (local.get $rows)))
        (if (i32.eqz (i32.and (i32.load (i32.add (local.get $pMembers) (i32.shl (local.get $r) (i32.const 2)))) (local.get $excluded)))
          (then
            (local.set $row (i32.add (local.get $pR) (i32.shl (i32.mul (local.get $r) (local.get $n)) (i32.const 3))))
            (local.set $s (f64.const 0))
            (local.set $i (i32.const 0))
            (block $doneI
              (loop $nextI
                (br_if $doneI (i32.ge_u (local.get $i) (local.get $n)))
                (local.set $s
                  (f64.add
                    (local.get $s)
                    (f64.mul
                      (f64.load (i32.add (local.get $pW) (i32.shl (local.get $i) (i32.const 3))))
                      (f64.load (i32.add (local.get $row) (i32.shl (local.get $i) (i32.const 3)))))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $nextI)))
            (local.set $fixed
              (f64.mul (f64.load (i32.add (local.get $pSeams) (i32.shl (local.get $r) (i32.const 3)))) (local.get $perSeam)))
            (local.set $k (i32.const 0))
            (block $doneK
              (loop $nextK
                (br_if $doneK (i32.ge_u (local.get $k) (local.get $nReq)))
                (local.set $rating
                  (f64.load
                    (i32.add
                      (local.get $row)
                      (i32.shl (i32.load (i32.add (local.get $pReqIndex) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))))
                (local.set $min (f64.load (i32.add (local.get $pReqMin) (i32.shl (local.get $k) (i32.const 3)))))
                (if (f64.lt (local.get $rating) (local.get $min))
                  (then
                    (local.set $fixed
                      (f64.add (local.get $fixed) (f64.mul (f64.sub (local.get $min) (local.get $rating)) (local.get $points))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $nextK)))
            (local.set $score
              (f64.max
                (f64.const 0)
                (f64.sub (f64.div (f64.mul (local.get $s) (f64.const 100)) (f64.const 5)) (local.get $fixed))))
            (if (i32.lt_u (local.get $r) (local.get $singles))
              (then
                (if (f64.gt (local.get $score) (local.get $bestSingleScore))
                  (then
                    (local.set $bestSingleScore (local.get $score))
                    (local.set $bestSingle (local.get $r)))))
              (else
                (if (f64.gt (local.get $score) (local.get $bestStackScore))
                  (then
                    (local.set $bestStackScore (local.get $score))
                    (local.set $bestStack (local.get $r))))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $nextR)))
    (if (result i32) (i32.lt_s (local.get $bestSingle) (i32.const 0))
      (then (local.get $bestStack))
      (else
        (if (result i32)
          (i32.and
            (i32.ge_s (local.get $bestStack) (i32.const 0))
            (f64.ge (local.get $bestStackScore) (f64.add (local.get $bestSingleScore) (local.get $margin))))
          (then (local.get $bestStack))
          (else (local.get $bestSingle))))))

  ;; The normalised weights for one decision, as fillRawWeights and buildCore compute them:
  ;; raw = base, plus each active rule's additions and times its factors, floored at 0; the
  ;; continuity weight appended when $continuity; each divided by their sum (1 when it is 0).
  ;; Memory: base[nCrit], raw and scale scratch and w (nCrit + 1 each) f64; active[nActive]
  ;; rule ids i32; per rule r, its additions are entries addFrom[r] .. addFrom[r + 1] of
  ;; addIdx (i32) and addVal (f64), and its factors likewise in scaleFrom/scaleIdx/scaleVal.
  ;; Returns the number of weights written to w.
  (func (export "weigh")
    (param $nCrit i32) (param $pBase i32) (param $pActive i32) (param $nActive i32)
    (param $pAddFrom i32) (param $pAddIdx i32) (param $pAddVal i32)
    (param $pScaleFrom i32) (param $pScaleIdx i32) (param $pScaleVal i32)
    (param $continuity i32) (param $contWeight f64) (param $pRaw i32) (param $pScale i32) (param $pW i32)
    (result i32)
    (local $i i32) (local $k i32) (local $e i32) (local $end i32) (local $rule i32) (local $n i32) (local $at i32)
    (local $total f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $nCrit)))
        (f64.store (i32.add (local.get $pRaw) (i32.shl (local.get $i) (i32.const 3)))
          (f64.load (i32.add (local.get $pBase) (i32.shl (local.get $i) (i32.const 3)))))
        (f64.store (i32.add (local.get $pScale) (i32.shl (local.get $i) (i32.const 3))) (f64.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (block $doneRules
      (loop $nextRule
        (br_if $doneRules (i32.ge_u (local.get $k) (local.get $nActive)))
        (local.set $rule (i32.load (i32.add (local.get $pActive) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $e (i32.load (i32.add (local.get $pAddFrom) (i32.shl (local.get $rule) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $pAddFrom) (i32.shl (i32.add (local.get $rule) (i32.const 1)) (i32.const 2)))))
        (block $doneAdd
          (loop $nextAdd
            (br_if $doneAdd (i32.ge_u (local.get $e) (local.get $end)))
            (local.set $at (i32.add (local.get $pRaw) (i32.shl (i32.load (i32.add (local.get $pAddIdx) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 3))))
            (f64.store (local.get $at)
              (f64.add (f64.load (local.get $at)) (f64.load (i32.add (local.get $pAddVal) (i32.shl (local.get $e) (i32.const 3))))))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $nextAdd)))
        (local.set $e (i32.load (i32.add (local.get $pScaleFrom) (i32.shl (local.get $rule) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $pScaleFrom) (i32.shl (i32.add (local.get $rule) (i32.const 1)) (i32.const 2)))))
        (block $doneScale
          (loop $nextScale
            (br_if $doneScale (i32.ge_u (local.get $e) (local.get $end)))
            (local.set $at (i32.add (local.get $pScale) (i32.shl (i32.load (i32.add (local.get $pScaleIdx) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 3))))
            (f64.store (local.get $at)
              (f64.mul (f64.load (local.get $at)) (f64.load (i32.add (local.get $pScaleVal) (i32.shl (local.get $e) (i32.const 3))))))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $nextScale)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $nextRule)))
    (local.set $i (i32.const 0))
    (block $doneFloor
      (loop $nextFloor
        (br_if $doneFloor (i32.ge_u (local.get $i) (local.get $nCrit)))
        (local.set $at (i32.add (local.get $pRaw) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $at)
          (f64.mul
            (f64.max (f64.const 0) (f64.load (local.get $at)))
            (f64.load (i32.add (local.get $pScale) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextFloor)))
    (local.set $n (local.get $nCrit))
    (if (local.get $continuity)
      (then
        (f64.store (i32.add (local.get $pRaw) (i32.shl (local.get $n) (i32.const 3))) (local.get $contWeight))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))))
    (local.set $i (i32.const 0))
    (block $doneSum
      (loop $nextSum
        (br_if $doneSum (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $total (f64.add (local.get $total) (f64.load (i32.add (local.get $pRaw) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextSum)))
    (if (f64.eq (local.get $total) (f64.const 0)) (then (local.set $total (f64.const 1))))
    (local.set $i (i32.const 0))
    (block $doneNorm
      (loop $nextNorm
        (br_if $doneNorm (i32.ge_u (local.get $i) (local.get $n)))
        (f64.store (i32.add (local.get $pW) (i32.shl (local.get $i) (i32.const 3)))
          (f64.div (f64.load (i32.add (local.get $pRaw) (i32.shl (local.get $i) (i32.const 3)))) (local.get $total)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextNorm)))
    (local.get $n))

  ;; The ratings of every stack from its members' rows, as stackRatings computes them: per
  ;; column, a capability (kind 0) takes the best member's rating, a cost (kind 1) the worst
  ;; member's, continuity (kind 2) the sum over the members, at most 5 (any other kind: the sum).
  ;; Members are taken in tool order, the first one's rating first. Memory: ratings[rows*n] f64,
  ;; whose first $singles rows (one per tool) are read and the others written; kinds[n] and
  ;; members[rows] i32 (bit t = tool t).
  (func (export "stackRows")
    (param $n i32) (param $rows i32) (param $singles i32) (param $pR i32) (param $pKinds i32) (param $pMembers i32)
    (local $r i32) (local $i i32) (local $t i32) (local $bits i32) (local $kind i32) (local $first i32)
    (local $v f64) (local $x f64)
    (local.set $r (local.get $singles))
    (block $doneR
      (loop $nextR
        (br_if $doneR (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $bits (i32.load (i32.add (local.get $pMembers) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $i (i32.const 0))
        (block $doneI
          (loop $nextI
            (br_if $doneI (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $kind (i32.load (i32.add (local.get $pKinds) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $first (i32.const 1))
            (local.set $t (i32.const 0))
            (block $doneT
              (loop $nextT
                (br_if $doneT (i32.ge_u (local.get $t) (local.get $singles)))
                (if (i32.and (local.get $bits) (i32.shl (i32.const 1) (local.get $t)))
                  (then
                    (local.set $x
                      (f64.load
                        (i32.add
                          (local.get $pR)
                          (i32.shl (i32.add (i32.mul (local.get $t) (local.get $n)) (local.get $i)) (i32.const 3)))))
                    (if (local.get $first)
                      (then
                        (local.set $v (local.get $x))
                        (local.set $first (i32.const 0)))
                      (else
                        (if (i32.eqz (local.get $kind))
                          (then
                            (if (f64.gt (local.get $x) (local.get $v))
                              (then (local.set $v (local.get $x)))))
                          (else
                            (if (i32.eq (local.get $kind) (i32.const 1))
                              (then
                                (if (f64.lt (local.get $x) (local.get $v))
                                  (then (local.set $v (local.get $x)))))
                              (else
                                (local.set $v (f64.add (local.get $v) (local.get $x)))))))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $nextT)))
            (if (i32.eq (local.get $kind) (i32.const 2))
              (then (local.set $v (f64.min (f64.const 5) (local.get $v)))))
            (f64.store
              (i32.add (local.get $pR) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $n)) (local.get $i)) (i32.const 3)))
              (local.get $v))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $nextI)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $nextR))))
)
