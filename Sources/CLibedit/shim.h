// libedit's native interface (histedit.h), plus small shims for the calls Swift cannot make
// directly: libedit's `el_set`, `el_get` and `history` are variadic, and `el_init` wants the C
// stdio streams, which Swift 6 treats as unsafe mutable globals.
#ifndef TRENDCAST_CLIBEDIT_SHIM_H
#define TRENDCAST_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <langinfo.h>
#include <histedit.h>

typedef char *(*tc_prompt_function)(EditLine *);
typedef unsigned char (*tc_editor_function)(EditLine *, int);

/// An editor on the process's standard streams.
static inline EditLine *tc_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

static inline int tc_el_set_prompt(EditLine *el, tc_prompt_function prompt, char escape) {
  return el_set(el, EL_PROMPT_ESC, prompt, escape);
}

static inline int tc_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

/// With `on`, libedit installs its own handlers while reading (it restores the terminal, then
/// passes the signal on to the handler that was installed before) and follows window resizes.
static inline int tc_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

static inline int tc_el_set_history(EditLine *el, History *history_) {
  return el_set(el, EL_HIST, history, history_);
}

static inline int tc_el_set_client_data(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *tc_el_get_client_data(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

static inline int tc_el_add_function(EditLine *el, const char *name, const char *help, tc_editor_function function) {
  return el_set(el, EL_ADDFN, name, help, function);
}

static inline int tc_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, NULL);
}

static inline int tc_history_set_size(History *history_, int size) {
  HistEvent event;
  return history(history_, &event, H_SETSIZE, size);
}

static inline int tc_history_set_unique(History *history_, int unique) {
  HistEvent event;
  return history(history_, &event, H_SETUNIQUE, unique);
}

static inline int tc_history_enter(History *history_, const char *entry) {
  HistEvent event;
  return history(history_, &event, H_ENTER, entry);
}

static inline int tc_history_clear(History *history_) {
  HistEvent event;
  return history(history_, &event, H_CLEAR);
}

#endif
