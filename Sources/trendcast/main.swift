import Foundation

// Ignore SIGPIPE so `trendcast run nb.tcnb | head` ends quietly instead of crashing.
signal(SIGPIPE, SIG_IGN)
exit(FrontEnd.main(Array(CommandLine.arguments.dropFirst())).rawValue)
