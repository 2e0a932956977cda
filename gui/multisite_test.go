package gui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
)

// openMultisite shows the Multisite tab and waits for what it reads.
func openMultisite(t *testing.T, u *ui) {
	t.Helper()
	u.act(func() { u.tabs.Select(u.multisiteItem) })
	u.settle(t)
}

// topDialog is the dialog on top of the window, failing t when none is.
func topDialog(t *testing.T, u *ui) fyne.CanvasObject {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open:\n%s", u.windowTexts())
	}
	return top
}

// fillDialog types texts into the entries of the top dialog, in order.
func fillDialog(t *testing.T, u *ui, texts ...string) {
	t.Helper()
	entries := uitest.Visible[*widget.Entry](topDialog(t, u), nil)
	if len(entries) < len(texts) {
		t.Fatalf("%d entries in the dialog, %d texts to type", len(entries), len(texts))
	}
	u.act(func() {
		for i, s := range texts {
			entries[i].SetText("")
			test.Type(entries[i], s)
		}
	})
}

// pressIn presses the button labelled text under root and waits.
func pressIn(t *testing.T, u *ui, root fyne.CanvasObject, text string) {
	t.Helper()
	if b := findButton(root, text); b == nil || b.Disabled() {
		t.Fatalf("no enabled button %q:\n%s", text, strings.Join(visibleTexts(root), "\n"))
	}
	u.tapIn(root, text)
	u.settle(t)
}

// chooseSite selects the site whose code is code in the sites list.
func chooseSite(t *testing.T, u *ui, code string) {
	t.Helper()
	p := u.multisite.sites
	i := slices.IndexFunc(p.sites, func(s domain.Site) bool { return s.Code == code })
	if i < 0 {
		t.Fatalf("site %s not listed", code)
	}
	u.act(func() { p.list.Select(i) })
	u.settle(t)
}

// siteCodes are the codes of the file's sites, read from the service.
func siteCodes(t *testing.T, svc *service.Service) []string {
	t.Helper()
	sites, err := svc.Sites(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range sites {
		out = append(out, s.Code)
	}
	return out
}

// mustDo fails t on err.
func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A site added through its dialog is listed with its name; a refused one
// keeps the dialog open with the reason.
func TestMultisiteAddSiteThroughDialog(t *testing.T) {
	cases := []struct {
		name, code, siteName string
		wantListed           bool
		wantSaid             string
	}{
		{"a new site", "depot", "Dépôt Villeurbanne", true, ""},
		{"no code", "", "Sans code", false, "Le code du site est obligatoire."},
		{"a space in the code", "DE POT", "Dépôt", false, "sans espace"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			openMultisite(t, u)
			pressIn(t, u, u.multisite.sites.content, "Ajouter…")
			fillDialog(t, u, tc.code, tc.siteName)
			pressIn(t, u, topDialog(t, u), "Ajouter")
			texts := u.windowTexts()
			listed := slices.Contains(siteCodes(t, u.svc), strings.ToUpper(tc.code))
			if listed != tc.wantListed {
				t.Fatalf("site %q stored = %v, want %v:\n%s", tc.code, listed, tc.wantListed, texts)
			}
			if tc.wantListed {
				if u.win.Canvas().Overlays().Top() != nil {
					t.Errorf("the dialog stayed open after adding")
				}
				shown := strings.Join(visibleTexts(u.multisite.sites.content), "\n")
				for _, want := range []string{"DEPOT", tc.siteName, "Site principal"} {
					if !strings.Contains(shown, want) {
						t.Errorf("the sites list does not show %q:\n%s", want, shown)
					}
				}
				return
			}
			if !strings.Contains(strings.Join(visibleTexts(topDialog(t, u)), "\n"), tc.wantSaid) {
				t.Errorf("the dialog does not say %q:\n%s", tc.wantSaid, texts)
			}
		})
	}
}

// A site whose customer is on it only cannot be deleted: the service's
// reason is shown as it is, and the site stays. Once the customer is on
// another site too, the same button deletes it.
func TestMultisiteDeleteRefusedWhileCustomerOnlyThere(t *testing.T) {
	ctx := context.Background()
	u := newTestUI(t)
	_, err := u.svc.AddSite(ctx, "B", "Dépôt", false)
	mustDo(t, err)
	_, err = u.svc.UseSite(ctx, "B", false)
	mustDo(t, err)
	only := &domain.Customer{Kind: domain.KindCompany, CompanyName: "Cycles du dépôt"}
	mustDo(t, u.svc.CreateCustomer(ctx, only))
	_, err = u.svc.UseSite(ctx, domain.DefaultMainSiteCode, false)
	mustDo(t, err)

	openMultisite(t, u)
	chooseSite(t, u, "B")
	pressIn(t, u, u.multisite.sites.content, "Supprimer…")
	pressIn(t, u, topDialog(t, u), "Supprimer")
	said := strings.Join(visibleTexts(topDialog(t, u)), "\n")
	if !strings.Contains(said, "Le site « Dépôt » ne peut pas être supprimé") || !strings.Contains(said, "n’existent que sur ce site") {
		t.Errorf("the refusal is not shown as the service says it:\n%s", said)
	}
	if !slices.Contains(siteCodes(t, u.svc), "B") {
		t.Fatal("the site was deleted with its customer on it only")
	}

	u.act(func() { u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top()) })
	_, err = u.svc.AddToSites(ctx, only.ID, []string{domain.DefaultMainSiteCode})
	mustDo(t, err)
	pressIn(t, u, u.multisite.sites.content, "Supprimer…")
	pressIn(t, u, topDialog(t, u), "Supprimer")
	if slices.Contains(siteCodes(t, u.svc), "B") {
		t.Errorf("the site was not deleted once its customer was on the main site too:\n%s", u.windowTexts())
	}
	if strings.Contains(strings.Join(visibleTexts(u.multisite.sites.content), "\n"), "Dépôt") {
		t.Error("the deleted site is still listed")
	}
}

// A value added to a site's list through its dialog is listed and stored;
// removing a value a customer has is refused with the service's reason.
func TestMultisiteAddListEntry(t *testing.T) {
	ctx := context.Background()
	u := newTestUI(t)
	openMultisite(t, u)
	lists := u.multisite.lists
	u.act(func() { lists.choice.SetSelected(domain.SiteBankCodes.Title().FR) })
	u.settle(t)
	pressIn(t, u, lists.content, "Ajouter…")
	fillDialog(t, u, "BNP-LYON", "BNP Paribas Lyon")
	pressIn(t, u, topDialog(t, u), "Ajouter")
	shown := strings.Join(visibleTexts(lists.content), "\n")
	if !strings.Contains(shown, "BNP-LYON") || !strings.Contains(shown, "BNP Paribas Lyon") {
		t.Fatalf("the bank code added is not listed:\n%s", shown)
	}
	main := u.multisite.sites.sites[0]
	stored, err := u.svc.SiteList(ctx, main.ID, domain.SiteBankCodes)
	mustDo(t, err)
	if !slices.Contains(stored, domain.SiteEntry{Code: "BNP-LYON", Label: "BNP Paribas Lyon"}) {
		t.Fatalf("stored bank codes: %+v", stored)
	}

	c := &domain.Customer{LastName: "Durand", Site: domain.SiteFields{BankCode: "BNP-LYON"}}
	mustDo(t, u.svc.CreateCustomer(ctx, c))
	u.act(func() {
		lists.list.Select(slices.IndexFunc(lists.entries, func(e domain.SiteEntry) bool { return e.Code == "BNP-LYON" }))
	})
	pressIn(t, u, lists.content, "Retirer")
	said := strings.Join(visibleTexts(topDialog(t, u)), "\n")
	if !strings.Contains(said, "ne peut pas être retiré de la liste « Codes banque »") {
		t.Errorf("the refusal is not shown:\n%s", said)
	}
	stored, _ = u.svc.SiteList(ctx, main.ID, domain.SiteBankCodes)
	if len(stored) != 1 {
		t.Errorf("a bank code in use left its list: %+v", stored)
	}
}

// The seed's example in the window: C1 found by its code, added to site B
// through "Ajouter au site…"; each site's notes show side by side in their
// own column, and the name, changed on B, shows once in the shared column.
func TestMultisiteCustomerSideBySide(t *testing.T) {
	ctx := context.Background()
	u := newTestUI(t)
	_, err := u.svc.AddSite(ctx, "B", "Dépôt", false)
	mustDo(t, err)
	c := &domain.Customer{Code: "C1", Kind: domain.KindCompany, CompanyName: "Les vélos Durand",
		Site: domain.SiteFields{Notes: "Livrer le matin"}}
	mustDo(t, u.svc.CreateCustomer(ctx, c))

	openMultisite(t, u)
	p := u.multisite.presence
	u.act(func() { test.Type(p.search, "C1") })
	pressIn(t, u, p.content, "Rechercher")
	if got := gridColumn(t, u, "Notes"); !slices.Equal(got, []string{"", "Livrer le matin"}) {
		t.Fatalf("before the copy, the notes row is %q, want the main site's notes alone", got)
	}
	pressIn(t, u, p.content, "Ajouter au site…")
	pressIn(t, u, topDialog(t, u), "Ajouter")
	if !strings.Contains(u.windowTexts(), "Ajouté à 1 site.") {
		t.Errorf("the copy is not confirmed:\n%s", u.windowTexts())
	}

	// On B, its own notes and a new name.
	_, err = u.svc.UseSite(ctx, "B", false)
	mustDo(t, err)
	onB, err := u.svc.Customer(ctx, c.ID)
	mustDo(t, err)
	onB.CompanyName, onB.Site.Notes = "Les vélos Dupuis", "Sonner au portail"
	mustDo(t, u.svc.UpdateCustomer(ctx, onB))
	_, err = u.svc.UseSite(ctx, domain.DefaultMainSiteCode, false)
	mustDo(t, err)
	u.act(u.multisite.reload)
	u.settle(t)

	head := gridColumn(t, u, "Champ")
	if !slices.Equal(head, []string{"Partagé", "PRINCIPAL — Site principal", "B — Dépôt"}) {
		t.Errorf("header = %q, want the shared column then one per site", head)
	}
	if got := gridColumn(t, u, "Notes"); !slices.Equal(got, []string{"", "Livrer le matin", "Sonner au portail"}) {
		t.Errorf("notes row = %q, want each site's notes in its column", got)
	}
	if got := gridColumn(t, u, "Nom"); !slices.Equal(got, []string{"Les vélos Dupuis"}) {
		t.Errorf("name row = %q, want the name changed on B once, in the shared column", got)
	}
	if findButton(p.content, "Ajouter au site…").Disabled() == false {
		t.Error("Ajouter au site… is still offered with C1 on every site")
	}
}

// gridColumn is the row of the presence grid whose label is label: its
// cells after the label.
func gridColumn(t *testing.T, u *ui, label string) []string {
	t.Helper()
	var found []string
	u.act(func() {
		p := u.multisite.presence
		for _, o := range append(slices.Clone(p.gridHead.Objects), p.gridBox.Objects...) {
			cells := uitest.Visible[*widget.Label](o, nil)
			if len(cells) > 1 && cells[0].Text == label && found == nil {
				for _, c := range cells[1:] {
					found = append(found, c.Text)
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no row %q in the grid:\n%s", label, u.windowTexts())
	}
	return found
}

// multisiteWorld makes sure the file has sites DEPOT and ATELIER (the
// press-everything world has DEPOT already), and puts its first customer
// on DEPOT too; it returns that customer's code.
func multisiteWorld(t *testing.T, svc *service.Service) string {
	t.Helper()
	ctx := context.Background()
	have := siteCodes(t, svc)
	for _, s := range [][2]string{{"DEPOT", "Dépôt"}, {"ATELIER", "Atelier"}} {
		if !slices.Contains(have, s[0]) {
			_, err := svc.AddSite(ctx, s[0], s[1], false)
			mustDo(t, err)
		}
	}
	first, err := svc.Search(ctx, store.Query{Limit: 1})
	mustDo(t, err)
	if len(first) == 0 {
		t.Fatal("no customer in the file")
	}
	_, err = svc.AddToSites(ctx, first[0].ID, []string{"DEPOT"})
	mustDo(t, err)
	return first[0].Code
}

// showFirstCustomer looks code up in the presence panel.
func showFirstCustomer(t *testing.T, u *ui, code string) {
	t.Helper()
	p := u.multisite.presence
	u.act(func() { p.search.SetText(code) })
	pressIn(t, u, p.content, "Rechercher")
	if p.shownID == 0 {
		t.Fatalf("customer %s not shown:\n%s", code, u.windowTexts())
	}
}

// Every button of the tab does something: each dialog opens and Annuler
// closes it with nothing changed; the buttons that act at once change
// what is shown. A button of the tab missing from this list fails.
func TestMultisitePressEveryButton(t *testing.T) {
	u := newTestUI(t)
	for _, name := range []string{"Bernard", "Martin"} {
		mustDo(t, u.svc.CreateCustomer(context.Background(), &domain.Customer{LastName: name}))
	}
	code := multisiteWorld(t, u.svc) // Bernard's, the first by name
	openMultisite(t, u)
	chooseSite(t, u, "DEPOT")
	showFirstCustomer(t, u, code)
	lists := u.multisite.lists
	u.act(func() { lists.list.Select(0) })

	dialogs := map[string]string{ // button → the dialog's title
		"Ajouter…": "", "Renommer…": "Renommer le site", "Supprimer…": "Supprimer le site",
		"Ajouter au site…": "Ajouter au site", "Copier vers plusieurs sites…": "Copier vers plusieurs sites",
	}
	acting := []string{"Rechercher", "Retirer", "Définir comme site principal"} // pressed last, in order
	panels := []fyne.CanvasObject{u.multisite.sites.content, lists.content, u.multisite.presence.content}
	for _, panel := range panels {
		for _, b := range uitest.Visible[*widget.Button](panel, func(b *widget.Button) bool { return !b.Disabled() }) {
			if _, ok := dialogs[b.Text]; !ok && !slices.Contains(acting, b.Text) {
				t.Errorf("button %q of the tab is not pressed by this test", b.Text)
			}
			if _, ok := dialogs[b.Text]; !ok {
				continue
			}
			before := fingerprint(u)
			u.act(func() { test.Tap(b) })
			u.settle(t)
			top := topDialog(t, u)
			if title := dialogs[b.Text]; title != "" && !slices.Contains(visibleTexts(top), title) {
				t.Errorf("%s: the dialog is not titled %q:\n%s", b.Text, title, strings.Join(visibleTexts(top), "\n"))
			}
			pressIn(t, u, top, "Annuler")
			if after := fingerprint(u); after != before {
				t.Errorf("%s then Annuler: the tab changed", b.Text)
			}
		}
	}
	for _, text := range acting {
		root := panels[slices.IndexFunc(panels, func(p fyne.CanvasObject) bool { return findButton(p, text) != nil })]
		if text == "Rechercher" {
			u.act(func() { u.multisite.presence.search.SetText("Martin") }) // another customer than the one shown
		}
		before := fingerprint(u)
		pressIn(t, u, root, text)
		if fingerprint(u) == before {
			t.Errorf("%s: pressed, and nothing changed", text)
		}
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("%s: pressed, and a dialog appeared:\n%s", text, strings.Join(visibleTexts(top), "\n"))
		}
	}
	if sites, _ := u.svc.Sites(context.Background()); len(sites) == 0 || sites[0].Code != "DEPOT" {
		t.Errorf("DEPOT is not the main site after Définir comme site principal: %+v", sites)
	}
}

// multisitePressScreens are the tab's states the press-everything test
// goes through beyond its first one (press_test.go): a second site chosen,
// whose buttons all work, and a customer on two sites of three shown.
func multisitePressScreens() []pressScreen {
	return []pressScreen{
		{name: "Multisite, site DEPOT choisi", open: func(t *testing.T, u *ui, _ pressWorld) {
			multisiteWorld(t, u.svc)
			openMultisite(t, u)
			chooseSite(t, u, "DEPOT")
		}},
		{name: "Multisite, client sur deux sites", open: func(t *testing.T, u *ui, _ pressWorld) {
			code := multisiteWorld(t, u.svc)
			openMultisite(t, u)
			showFirstCustomer(t, u, code)
		}},
	}
}

// The tab's translations are complete in both languages, typeset, agree
// with the window's other files, and use the bundled font's characters.
func TestMultisiteTranslations(t *testing.T) {
	uitest.CheckSharedKeysAgree(t, "multisite")
	uitest.CheckTypography(t, uitest.Files("multisite")...)
	uitest.CheckFont(t, ".", uitest.Files("multisite")...)
}
