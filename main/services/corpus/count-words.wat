(module
  ;; Counts the words of UTF-8 text as `countWords` in count-words.ts defines them. A word starts at
  ;; a letter or digit that neither a letter, digit or mark of a word nor a joiner ("'", "-", "’"…)
  ;; preceded by one comes just before. Runs of 16 ASCII bytes are classified at once; other bytes
  ;; one code point at a time, their kinds asked of JavaScript.

  ;; The kind of a code point above ASCII: 0 other, 1 letter or digit, 2 joiner, 3 mark.
  (import "words" "classify" (func $classify (param i32) (result i32)))
  (memory (export "memory") 1)

  ;; Bytes 0-127 of memory: the kinds of ASCII characters (0, 1 or 2). The text is written after them.
  (func (export "count") (param $i i32) (param $end i32) (result i32)
    (local $k i32) (local $p1 i32) (local $p2 i32) (local $count i32)
    (local $chunk v128) (local $letters i32) (local $joiners i32) (local $before i32) (local $before2 i32)
    (local $stop i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (block $scalar
          ;; Sixteen bytes at once, when there are sixteen and all are ASCII.
          (br_if $scalar (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $end)))
          (local.set $chunk (v128.load (local.get $i)))
          (br_if $scalar (i8x16.bitmask (local.get $chunk)))
          ;; Letters and digits: (byte | 0x20) in a-z, or byte in 0-9.
          (local.set $letters (i8x16.bitmask (v128.or
            (v128.and
              (i8x16.ge_u (v128.or (local.get $chunk) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x61)))
              (i8x16.le_u (v128.or (local.get $chunk) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x7a))))
            (v128.and
              (i8x16.ge_u (local.get $chunk) (i8x16.splat (i32.const 0x30)))
              (i8x16.le_u (local.get $chunk) (i8x16.splat (i32.const 0x39)))))))
          ;; Joiners: ' and -.
          (local.set $joiners (i8x16.bitmask (v128.or
            (i8x16.eq (local.get $chunk) (i8x16.splat (i32.const 0x27)))
            (i8x16.eq (local.get $chunk) (i8x16.splat (i32.const 0x2d))))))
          ;; What comes before each byte (bit n: byte n - 1), the bytes before the chunk included.
          (local.set $before (i32.or (i32.shl (local.get $letters) (i32.const 1)) (i32.and (local.get $p1) (i32.const 1))))
          (local.set $before2 (i32.or (i32.or (i32.shl (local.get $letters) (i32.const 2))
            (i32.shl (i32.and (local.get $p1) (i32.const 1)) (i32.const 1)))
            (i32.and (local.get $p2) (i32.const 1))))
          (local.set $count (i32.add (local.get $count) (i32.popcnt
            (i32.and (local.get $letters)
              (i32.xor (i32.const -1)
                (i32.or (local.get $before)
                  (i32.and
                    (i32.or (i32.shl (local.get $joiners) (i32.const 1)) (i32.shr_u (local.get $p1) (i32.const 1)))
                    (local.get $before2))))))))
          (local.set $p1 (i32.or (i32.and (i32.shr_u (local.get $letters) (i32.const 15)) (i32.const 1))
            (i32.shl (i32.and (i32.shr_u (local.get $joiners) (i32.const 15)) (i32.const 1)) (i32.const 1))))
          (local.set $p2 (i32.or (i32.and (i32.shr_u (local.get $letters) (i32.const 14)) (i32.const 1))
            (i32.shl (i32.and (i32.shr_u (local.get $joiners) (i32.const 14)) (i32.const 1)) (i32.const 1))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $next))
        ;; One code point at a time, up to the end of these sixteen bytes (or a little past it).
        (local.set $stop (select (local.get $end) (i32.add (local.get $i) (i32.const 16))
          (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $end))))
        (loop $point
          (local.set $k (call $kindAt (local.get $i) (local.get $p1)))
          (local.set $i (i32.add (local.get $i) (call $length (i32.load8_u (local.get $i)))))
          (local.set $count (i32.add (local.get $count)
            (i32.and
              (i32.and (local.get $k) (i32.const 1))
              (i32.xor
                (i32.or (local.get $p1) (i32.and (i32.shr_u (local.get $p1) (i32.const 1)) (local.get $p2)))
                (i32.const 1)))))
          (local.set $p2 (local.get $p1))
          (local.set $p1 (local.get $k))
          (br_if $point (i32.lt_u (local.get $i) (local.get $stop))))
        (br $next)))
    (local.get $count))

  ;; The kind (0, 1 or 2) of the code point at $i; a mark takes that of the word it follows ($p1).
  (func $kindAt (param $i i32) (param $p1 i32) (result i32)
    (local $byte i32) (local $k i32)
    (local.set $byte (i32.load8_u (local.get $i)))
    (if (i32.lt_u (local.get $byte) (i32.const 0x80))
      (then (return (i32.load8_u (local.get $byte)))))
    (local.set $k (call $classify (call $point (local.get $i) (local.get $byte))))
    (select (i32.and (local.get $p1) (i32.const 1)) (local.get $k) (i32.eq (local.get $k) (i32.const 3))))

  ;; The length of the UTF-8 sequence that a byte starts.
  (func $length (param $byte i32) (result i32)
    (select (i32.const 1)
      (select (i32.const 2)
        (select (i32.const 3) (i32.const 4) (i32.lt_u (local.get $byte) (i32.const 0xf0)))
        (i32.lt_u (local.get $byte) (i32.const 0xe0)))
      (i32.lt_u (local.get $byte) (i32.const 0x80))))

  ;; The code point of the UTF-8 sequence at $i, whose lead byte (0x80 or more) is $byte.
  (func $point (param $i i32) (param $byte i32) (result i32)
    (local $point i32) (local $n i32) (local $k i32)
    (local.set $n (call $length (local.get $byte)))
    (local.set $point (i32.and (local.get $byte) (i32.shr_u (i32.const 0x7f) (local.get $n))))
    (local.set $k (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $point
          (i32.or (i32.shl (local.get $point) (i32.const 6))
            (i32.and (i32.load8_u (i32.add (local.get $i) (local.get $k))) (i32.const 0x3f))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $point)))
