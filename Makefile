# dockergate: hand-written, pkg-config, no generators.
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DOCDIR	?= $(PREFIX)/share/doc/dockergate
DESTDIR	?=
CC	?= cc
PKG_CONFIG ?= pkg-config
SANITIZE ?= 0

LIBS_PC	 = yaml-0.1 jansson
WARN	 = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
CSTD	 = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE
ifeq ($(SANITIZE),1)
BUILD	?= build-san
OPT	 = -O1 -g -fno-omit-frame-pointer \
	   -fsanitize=address,undefined -fno-sanitize-recover=all
LDOPT	 = -fsanitize=address,undefined
else
BUILD	?= build
OPT	 = -O2 -g -D_FORTIFY_SOURCE=3
LDOPT	 =
endif
HARDEN	 = -fstack-protector-strong -fPIE -fstack-clash-protection
LDHARDEN = -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack

CFLAGS	?=
LDFLAGS	?=
ALL_CFLAGS  = $(CSTD) $(WARN) $(OPT) $(HARDEN) -Iinclude \
	      $(shell $(PKG_CONFIG) --cflags $(LIBS_PC)) $(CFLAGS)
ALL_LDFLAGS = $(LDOPT) $(LDHARDEN) $(LDFLAGS)
LIBS	 = $(shell $(PKG_CONFIG) --libs $(LIBS_PC))

LIBSRC	 = $(filter-out src/main.c src/probe.c,$(wildcard src/*.c))
LIBOBJ	 = $(LIBSRC:src/%.c=$(BUILD)/%.o)
HDRS	 = $(wildcard include/*.h)
UNITSRC	 = $(wildcard tests/unit/test_*.c)
UNITBIN	 = $(UNITSRC:tests/unit/%.c=$(BUILD)/%)
FUZZSRC	 = $(wildcard tests/fuzz/fuzz_*.c)
FUZZREPLAY = $(FUZZSRC:tests/fuzz/%.c=$(BUILD)/%-replay)
FUZZBIN	 = $(FUZZSRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_SECONDS ?= 60

all: $(BUILD)/dockergate $(BUILD)/dockergate-probe

$(BUILD):
	mkdir -p $@

$(BUILD)/%.o: src/%.c $(HDRS) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libdg.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/dockergate: $(BUILD)/main.o $(BUILD)/libdg.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# The probe is the only user of libssh; it is not part of libdg.a.
$(BUILD)/dockergate-probe: src/probe.c | $(BUILD)
	$(CC) $(CSTD) $(WARN) $(OPT) $(HARDEN) \
	    $(shell $(PKG_CONFIG) --cflags libssh) $(CFLAGS) $(ALL_LDFLAGS) \
	    -o $@ src/probe.c $(shell $(PKG_CONFIG) --libs libssh)

UNITHDRS = $(wildcard tests/unit/*.h)

$(BUILD)/test_%: tests/unit/test_%.c $(UNITHDRS) $(BUILD)/libdg.a
	$(CC) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) \
	    -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libdg.a $(LIBS) \
	    $(shell $(PKG_CONFIG) --libs cmocka)

FUZZHDRS = $(wildcard tests/fuzz/*.h)

$(BUILD)/fuzz_%-replay: tests/fuzz/fuzz_%.c tests/fuzz/stub.c $(FUZZHDRS) \
    $(BUILD)/libdg.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< tests/fuzz/stub.c \
	    $(BUILD)/libdg.a $(LIBS)

build-fuzz/%: tests/fuzz/%.c $(LIBSRC) $(HDRS) $(FUZZHDRS)
	mkdir -p build-fuzz
	clang $(CSTD) -g -O1 -Iinclude -fsanitize=fuzzer,address,undefined \
	    $(shell $(PKG_CONFIG) --cflags $(LIBS_PC)) -o $@ $< $(LIBSRC) $(LIBS)

units: $(UNITBIN)
fuzz-replay: $(FUZZREPLAY)

# The README's test command.  Everything: unit tests, golden files, escape
# catalogue, drift against the installed docker CLIs, fuzz corpora replay,
# and (as root) end-to-end tests against real sshd and dockerd.
check: all units fuzz-replay
	BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh tests/check.sh

fuzz: $(FUZZBIN)
	for f in $(FUZZBIN); do n=$${f##*/}; mkdir -p build-fuzz/corpus-$$n; \
	  $$f -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-$$n \
	  tests/fuzz/corpus/$${n#fuzz_} || exit 1; done

bench: all
	sh tests/bench/run.sh

demo: all
	sh tests/e2e/demo.sh

# Debian packages dockergate and dockergate-probe, built from a copy of the
# tracked files (a clean tree) in build-deb/; then lintian, where errors and
# warnings fail.
DEBSRC	 = build-deb/dockergate
deb:
	rm -rf build-deb
	mkdir -p $(DEBSRC)
	git ls-files -z | xargs -0 cp --parents -t $(DEBSRC)
	cd $(DEBSRC) && dpkg-buildpackage -us -uc -b
	lintian --fail-on error,warning build-deb/*.changes

# Debian/Ubuntu packages for building and testing (run as root).
deps:
	sh tests/deps.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(DOCDIR)/policy
	install -m 0755 $(BUILD)/dockergate $(DESTDIR)$(BINDIR)/dockergate
	install -m 0755 $(BUILD)/dockergate-probe \
	    $(DESTDIR)$(BINDIR)/dockergate-probe
	install -m 0644 man/dockergate.8 $(DESTDIR)$(MANDIR)/man8/
	install -m 0644 man/dockergate.yaml.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 0644 man/dockergate-probe.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 policy/*.yaml $(DESTDIR)$(DOCDIR)/policy/

clean:
	rm -rf build build-san build-fuzz build-deb

.PHONY: all check units fuzz-replay fuzz bench demo deb deps install clean
