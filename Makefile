# Carnet — `make run` opens the app, `make test` runs everything CI runs.
# Both install what a fresh Debian/Ubuntu machine lacks first (make deps).

GO        ?= go
BIN       := bin/carnet
BENCH_DIR ?= $(HOME)/.cache/carnet-bench
BENCH_DB  := $(BENCH_DIR)/demo-1m-3sites.db
UNAME_S   := $(shell uname -s)
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The version built in: the git tag (v1.2.3 → 1.2.3, commits after it →
# 1.2.3-4-gabcdef), else FyneApp.toml's (a clone without tags).
VERSION   := $(shell git describe --tags --match 'v[0-9]*' 2>/dev/null | sed 's/^v//')
ifeq ($(VERSION),)
VERSION   := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
endif
LDFLAGS   := -X carnet/internal/version.tag=$(VERSION)

# Debian/Ubuntu packages Fyne's desktop driver (cgo, OpenGL, X11, Wayland) needs.
APT_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev libwayland-dev wayland-protocols
# What `make screenshots` and `make smoke` need to drive a real window.
SHOT_PACKAGES := xvfb xdotool imagemagick x11-utils

.PHONY: deps run build test vet bench screenshots shot-deps smoke crashtest fuzz clean package-windows package-linux package-linux-test

deps:
ifeq ($(UNAME_S),Linux)
	@if command -v dpkg-query >/dev/null 2>&1; then \
	  missing=""; for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then echo "Installing:$$missing"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi; \
	else echo "Not a Debian/Ubuntu system: install gcc and the OpenGL/X11 development headers (see README)."; fi
	@command -v $(GO) >/dev/null || { echo "Go 1.26 or newer is required: https://go.dev/dl/"; exit 1; }
else ifeq ($(UNAME_S),Darwin)
	@xcode-select -p >/dev/null 2>&1 || { echo "Install the Xcode command line tools: xcode-select --install"; exit 1; }
	@command -v $(GO) >/dev/null || { echo "Install Go 1.26+: brew install go"; exit 1; }
else
	@echo "Windows: install Go 1.26+ and a gcc (MSYS2 mingw-w64-x86_64-gcc), then run 'go run ./cmd/carnet' (see README)."
endif
	@$(GO) mod download

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/carnet

run: build
	./$(BIN)

vet: deps
	@test -z "$$(gofmt -l cmd internal gui)" || { echo "gofmt would change:"; gofmt -l cmd internal gui; exit 1; }
	$(GO) vet ./...

test: vet
	$(GO) test -race -count=1 ./...
	@echo "== Every button of every screen, pressed (headless, without the race detector: it takes minutes under it) =="
	$(GO) test -count=1 -run 'TestPressEverything' ./gui/ ./gui/settingsui/
	@if command -v Xvfb >/dev/null 2>&1; then $(MAKE) smoke; else echo "smoke test skipped: Xvfb is not installed (apt-get install xvfb)"; fi
	@if command -v Xvfb >/dev/null 2>&1; then $(MAKE) package-linux-test; else echo "Linux package test skipped: Xvfb is not installed (apt-get install xvfb)"; fi

# Benchmarks print figures (rows/s, ms per query, MB); they are not pass/fail.
# The 1M-customer database is made once and kept in $(BENCH_DIR).
$(BENCH_DB): | build
	mkdir -p $(BENCH_DIR)
	rm -f $@ $@-wal $@-shm
	@echo "Creating 1,000,000 demo customers on 3 sites (a few minutes)…"
	/usr/bin/time -v ./$(BIN) demo --clients 1000000 --sites 3 --db $@.tmp 2>&1 | grep -E "Elapsed|Maximum resident|clients" ; mv $@.tmp $@
	@ls -l $@ | awk '{printf "database size: %.0f MB\n", $$5/1048576}'

bench: build $(BENCH_DB)
	@echo "== Parsers and readers (per cell / per row) =="
	$(GO) test -run '^$$' -bench . -benchmem ./internal/fieldparse ./internal/sheet
	@echo "== Search, window, import and launch over 1,000,000 customers =="
	CARNET_BENCH_DB=$(BENCH_DB) CARNET_BENCH_FULL=1 $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 60m ./internal/store ./internal/importer/... ./internal/export ./gui/...

# Kills `carnet import`, `undo` and `demo` (the binary just built) with
# SIGKILL at random moments, CRASH_KILLS times each, checking the database
# after every kill (internal/crashtest; `make test` runs 3 kills each).
# A failure prints the seed: CARNET_CRASH_SEED=N make crashtest replays it.
CRASH_KILLS ?= 200
crashtest: build
	CARNET_CRASH_BIN=$(CURDIR)/$(BIN) CARNET_CRASH_KILLS=$(CRASH_KILLS) $(GO) test -count=1 -v -timeout 3h -run '^TestCrash$$' ./internal/crashtest

# Each fuzz target of the repository in turn (go fuzzes one at a time), for
# FUZZTIME each; `go test -list` finds them, so new ones are picked up.
# `make test` runs their seed corpora. A failing input is saved under the
# package's testdata/fuzz/.
# -fuzzminimizetime 100x: by default go spends up to 60 s shrinking each new
# interesting input, which left FuzzDate 3.8k runs in a minute (1.8M with 100 tries).
FUZZTIME ?= 60s
fuzz: deps
	@targets=$$($(GO) test -list '^Fuzz' ./... | awk '/^Fuzz/ { f = f " " $$1 } \
	    /^ok / { n = split(f, a, " "); for (i = 1; i <= n; i++) print $$2 "," a[i]; f = "" } \
	    /^FAIL/ { print "go test -list: " $$0 > "/dev/stderr" }'); \
	 [ -n "$$targets" ] || { echo "no fuzz target found"; exit 1; }; \
	 failed=""; for t in $$targets; do pkg=$${t%,*}; fn=$${t#*,}; \
	   echo "== $$fn ($$pkg), $(FUZZTIME) =="; \
	   $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 100x $$pkg || failed="$$failed $$fn"; \
	 done; \
	 if [ -n "$$failed" ]; then echo "fuzz targets that failed:$$failed"; exit 1; fi; \
	 echo "no failure in $(FUZZTIME) for each of:" $$(echo "$$targets" | sed 's/.*,//')

# After deps, so two apt-get never run at once under make -j.
shot-deps: deps
ifeq ($(UNAME_S),Linux)
	@missing=""; for p in $(SHOT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	 if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
endif

screenshots: build shot-deps
	bash gui/screenshots/shoot.sh $(BIN)
	bash gui/importwizard/screenshots.sh

# Drives the real window under Xvfb, in French then English, checking each
# click (gui/smoke/smoke.sh); screenshots go to screenshots/tmp/smoke-<time>/.
smoke: build shot-deps
	bash gui/smoke/smoke.sh $(BIN)

# Installers (resources/packaging/), into dist/. `make package-windows`
# cross-builds the Windows program and its MSI on Debian/Ubuntu, then under
# wine runs its command line and installs, upgrades and uninstalls the MSI;
# `make package-linux` makes the .tar.xz; `make package-linux-test` installs
# that into a temporary prefix and starts it under Xvfb.
DIST              := dist
FYNE_TOOL_VERSION := v1.7.4
# The fyne packaging tool, in a folder named by its version (a new pin
# installs anew) inside the checkout rather than in ~/go/bin.
FYNE_TOOL         := $(CURDIR)/bin/tools/fyne-$(FYNE_TOOL_VERSION)/fyne
# MinGW-w64 compiles Fyne's C parts for Windows, wixl makes the MSI and
# msitools' msiinfo reads it back, ImageMagick makes its icon, wine64 runs
# the smoke test.
WINDOWS_PACKAGES  := gcc-mingw-w64-x86-64 wixl msitools imagemagick wine64

# apt_install PACKAGES: installs with apt-get those dpkg does not list as
# installed (without their recommendations: wine's are a desktop's worth).
define apt_install
	@if command -v dpkg-query >/dev/null 2>&1; then \
	  missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then echo "Installing:$$missing"; \
	    $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi; \
	else echo "Not a Debian/Ubuntu system: install $(1) yourself"; fi
endef

$(FYNE_TOOL):
	GOBIN=$(dir $@) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOL_VERSION)

package-windows: $(FYNE_TOOL)
	$(call apt_install,$(WINDOWS_PACKAGES))
	bash resources/packaging/windows/build.sh "$(VERSION)" "$(FYNE_TOOL)" "$(DIST)"
	bash resources/packaging/windows/test-wine.sh "$(DIST)/carnet-$(VERSION)-windows-amd64.exe" "$(DIST)/Carnet-$(VERSION)-x64.msi" "$(VERSION)"

# Stripped (-s -w) but compiled with the flags of `make build` and the
# tests, so that `make test` only links it again: -trimpath would compile
# Fyne's C parts anew (minutes).
package-linux: deps
	$(GO) build -ldflags "$(LDFLAGS) -s -w" -o bin/release/carnet ./cmd/carnet
	bash resources/packaging/linux/package.sh "$(VERSION)" bin/release/carnet "$(DIST)"

# desktop-file-validate (desktop-file-utils) checks the .desktop file.
package-linux-test: package-linux shot-deps
	$(call apt_install,desktop-file-utils)
	bash resources/packaging/linux/test-install.sh "$(DIST)/carnet-$(VERSION)-linux-amd64.tar.xz" "$(VERSION)"

clean:
	rm -rf bin
