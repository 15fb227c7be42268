// A deliberately expensive read, for the test that checks the time limit holds.
UNWIND range(1, $n) AS x
WITH x WHERE x % 7 = 3
RETURN count(x) AS n
