# Installs Carnet from this folder (copied into the .tar.xz as its Makefile
# by resources/packaging/linux/package.sh).
#   make install             for you alone, into ~/.local
#   sudo make install        for every user, into /usr/local
#   make install PREFIX=DIR  anywhere else; `make uninstall` with the same PREFIX
# Uninstalling removes the program, its menu entry and icons only: your
# customers stay in ~/.config/Carnet/.

PREFIX  ?= $(if $(filter 0,$(shell id -u)),/usr/local,$(HOME)/.local)
BINDIR  := $(DESTDIR)$(PREFIX)/bin
APPDIR  := $(DESTDIR)$(PREFIX)/share/applications
ICONDIR := $(DESTDIR)$(PREFIX)/share/icons/hicolor
SIZES   := $(patsubst icons/%/carnet.png,%,$(wildcard icons/*/carnet.png))

.PHONY: install uninstall refresh-caches

install:
	install -D -m 755 carnet $(BINDIR)/carnet
	@# The menu entry names the program by its full path: ~/.local/bin is
	@# not on every session's PATH.
	mkdir -p $(APPDIR)
	sed -e 's|^Exec=carnet$$|Exec=$(PREFIX)/bin/carnet|' -e 's|^TryExec=carnet$$|TryExec=$(PREFIX)/bin/carnet|' \
	  carnet.desktop >$(APPDIR)/carnet.desktop
	chmod 644 $(APPDIR)/carnet.desktop
	for s in $(SIZES); do install -D -m 644 icons/$$s/carnet.png $(ICONDIR)/$$s/apps/carnet.png || exit 1; done
	@$(MAKE) -s refresh-caches
	@echo "Carnet installed in $(PREFIX): run $(PREFIX)/bin/carnet, or Carnet from the applications menu."

uninstall:
	rm -f $(BINDIR)/carnet $(APPDIR)/carnet.desktop
	for s in $(SIZES); do rm -f $(ICONDIR)/$$s/apps/carnet.png; done
	@$(MAKE) -s refresh-caches
	@echo "Carnet removed from $(PREFIX); your customers are still in ~/.config/Carnet/."

# Menus read the folders themselves; a cache some other program made there
# would hide the change, so an existing one is rebuilt (none is created:
# uninstall leaves nothing behind).
refresh-caches:
	-@if [ -f $(ICONDIR)/icon-theme.cache ]; then gtk-update-icon-cache -q -t $(ICONDIR) 2>/dev/null; fi; \
	  if [ -f $(APPDIR)/mimeinfo.cache ]; then update-desktop-database -q $(APPDIR) 2>/dev/null; fi; true
