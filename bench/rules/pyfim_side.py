"""Read a FIMI file and count itemsets or rules with pyfim (Borgelt's C code).

usage: pyfim_side.py FILE SUPPORT TASK   (TASK: all | closed | maximal | rules)
Prints `count N`. Rules: confidence >= 0.5, one-item consequents, rule support = support of
the whole rule (mode 'o'), non-empty antecedents (zmin=2), as fimi.expected.json counts them.
"""
import math
import sys

import fim


def main():
    path, support, task = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    with open(path) as handle:
        baskets = [line.split() for line in handle]
    min_count = math.ceil(round(support * len(baskets), 9))
    if task == "rules":
        spectrum = fim.arules(baskets, supp=-min_count, conf=50, zmin=2, mode="o", report="#")
    else:
        target = {"all": "s", "closed": "c", "maximal": "m"}[task]
        spectrum = fim.fpgrowth(baskets, target=target, supp=-min_count, report="#")
    print("count", int(sum(spectrum.values())))


if __name__ == "__main__":
    main()
