/// Lists of item ids (baskets, itemsets) kept sorted and free of repeats.
public enum ItemLists {
  /// Sorts `items[start...]` and removes duplicates in place; returns the new end index.
  public static func sortUnique(_ items: inout [Int32], from start: Int) -> Int {
    let count = items.count - start
    if count < 2 { return items.count }
    items.withUnsafeMutableBufferPointer { buffer in
      var slice = UnsafeMutableBufferPointer(rebasing: buffer[start...])
      if count <= 24 {
        // Insertion sort: baskets are short, and this avoids the generic sort's overhead.
        for i in 1..<count {
          let value = slice[i]
          var j = i - 1
          while j >= 0 && slice[j] > value {
            slice[j + 1] = slice[j]
            j -= 1
          }
          slice[j + 1] = value
        }
      } else {
        slice.sort()
      }
    }
    var write = start + 1
    for read in (start + 1)..<items.count where items[read] != items[write - 1] {
      items[write] = items[read]
      write += 1
    }
    return write
  }
}
