"""Read a FIMI file and count itemsets or rules with mlxtend.

usage: mlxtend_side.py FILE SUPPORT TASK   (TASK: all | maximal | rules; mlxtend has no
closed-itemset miner). Baskets are one-hot encoded as a sparse DataFrame (a dense one of
retail would need 1.4 GB). Rules: association_rules at confidence 0.5 on all frequent
itemsets, counting those with a one-item consequent. Prints `count N`.
"""
import sys

import pandas as pd
from mlxtend.frequent_patterns import association_rules, fpgrowth, fpmax
from mlxtend.preprocessing import TransactionEncoder


def main():
    path, support, task = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    with open(path) as handle:
        baskets = [line.split() for line in handle]
    encoder = TransactionEncoder()
    matrix = encoder.fit(baskets).transform(baskets, sparse=True)
    frame = pd.DataFrame.sparse.from_spmatrix(matrix, columns=encoder.columns_)
    if task == "maximal":
        itemsets = fpmax(frame, min_support=support)
        print("count", len(itemsets))
        return
    itemsets = fpgrowth(frame, min_support=support)
    if task == "all":
        print("count", len(itemsets))
        return
    rules = association_rules(itemsets, num_itemsets=len(baskets), metric="confidence", min_threshold=0.5)
    print("count", int((rules["consequents"].apply(len) == 1).sum()))


if __name__ == "__main__":
    main()
