;; The sensitivity sampler in WebAssembly: the recommendation rule (decideTools in score.ts)
;; re-run under 1,000 weightings, with the arithmetic in the same order, so both give the same
;; results to the last bit: the tests hold it to the TypeScript, which samples instead where
;; WebAssembly is missing (node --jitless). Why WebAssembly: docs/performance.md.
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
)
