/// The exit codes of LANGUAGE.md §6.
enum ExitStatus: Int32 {
  case success = 0
  case outputsDiffer = 1
  case usage = 2
  case programError = 3
  case commandFailed = 4
}
