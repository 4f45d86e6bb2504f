// libedit's readline-compatible interface, plus small shims for the calls Swift cannot make
// directly (variadic C functions and function-pointer globals).
#ifndef TRENDCAST_CLIBEDIT_SHIM_H
#define TRENDCAST_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <editline/readline.h>
#endif
