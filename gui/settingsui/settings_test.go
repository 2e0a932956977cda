package settingsui

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"carnet/gui/uiwork"
	"carnet/internal/domain"
)

var ctx = context.Background()

func TestNumberingPreviewsSavesAndReadsBack(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(secNumbering)
	h.shows("Prochain nouveau client :")
	h.shows("C0000001")

	h.typeIn(h.entry(0), "WEB")
	h.typeIn(h.entry(1), "10")
	h.shows("WEB0000001")
	h.tap("Enregistrer")
	h.shows("Enregistré : le prochain nouveau client recevra le code WEB0000001.")

	st, err := h.svc.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Numbering != (domain.NumberingRule{Prefix: "WEB", Length: 10}) {
		t.Errorf("numbering read back %+v, want WEB / 10", st.Numbering)
	}
	if h.changed == 0 {
		t.Error("the main window was not told of the change")
	}
	// Opened again, the section shows the rule saved.
	h.open(secAccounting)
	h.open(secNumbering)
	if h.entry(0).Text != "WEB" || h.entry(1).Text != "10" {
		t.Errorf("reopened: %q / %q, want WEB / 10", h.entry(0).Text, h.entry(1).Text)
	}
}

func TestNumberingRefusalsAreShownBesideTheFields(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(secNumbering)

	// A rule that is not one: the preview says so while typing.
	h.typeIn(h.entry(1), "1")
	h.shows("La longueur doit dépasser celle du préfixe")
	h.typeIn(h.entry(1), "dix")
	h.shows("La longueur est un nombre entier de caractères, par exemple 10.")

	// A rule without room: Save is refused with the length to choose.
	h.typeIn(h.entry(1), "3")
	h.shows("C01")
	h.tap("Enregistrer")
	h.shows("passez la longueur à 5 au moins")
	st, _ := h.svc.Settings(ctx)
	if st.Numbering != domain.DefaultNumbering {
		t.Errorf("a refused rule was saved: %+v", st.Numbering)
	}
}

func TestMarketingSourceAddedRenamedArchived(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(secLists)
	h.tab("Sources marketing")
	h.typeIn(h.entry(0), "Salon du chiot")
	h.tap("Ajouter")
	h.shows("Entrée « Salon du chiot » ajoutée.")
	names, _ := h.svc.RefNames(ctx, domain.ListMarketing)
	if !slices.Contains(names, "Salon du chiot") {
		t.Fatalf("marketing sources %q, want Salon du chiot", names)
	}

	// The same name again is refused, with the service's reason.
	h.typeIn(h.entry(0), "salon du CHIOT")
	h.tap("Ajouter")
	h.shows("« Salon du chiot » est déjà dans la liste.")

	h.tapInRow("Salon du chiot", "Renommer")
	h.typeIn(h.entry(0), "Salon canin")
	h.tap("Enregistrer")
	h.shows("« Salon du chiot » s’appelle maintenant « Salon canin ».")

	h.tapInRow("Salon canin", "Archiver")
	h.shows("Archivée")
	names, _ = h.svc.RefNames(ctx, domain.ListMarketing)
	if slices.Contains(names, "Salon canin") {
		t.Errorf("an archived source is still offered: %q", names)
	}
	h.tapInRow("Salon canin", "Réactiver")
	names, _ = h.svc.RefNames(ctx, domain.ListMarketing)
	if !slices.Contains(names, "Salon canin") {
		t.Errorf("a source brought back is not offered: %q", names)
	}
}

func TestCustomFieldOfTypeList(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(secCustomFields)
	h.tap("Ajouter un champ")
	h.shows("Nouveau champ personnalisé")

	// No name: the dialog says so and stays open.
	h.tap("Enregistrer")
	h.shows("Le nom du champ est obligatoire.")

	h.typeIn(h.entry(0), "Fidélité")
	h.choose(0, "Liste de valeurs")
	h.typeIn(h.entry(1), "Or\nArgent\n")
	h.tap("Enregistrer")
	h.shows("Champ « Fidélité » enregistré.")
	h.shows("Liste de 2 valeurs")

	fields, err := h.svc.CustomFields(ctx)
	if err != nil || len(fields) != 1 {
		t.Fatalf("custom fields %+v, %v", fields, err)
	}
	f := fields[0]
	if f.Name != "Fidélité" || f.Type != domain.CustomList || !slices.Equal(f.Options, []string{"Or", "Argent"}) {
		t.Errorf("field read back %+v", f)
	}

	// Edited, its type cannot change.
	h.tapInRow("Fidélité", "Modifier")
	h.shows("Le type ne change plus après la création")
	if typ := h.typeSelect(); !typ.Disabled() {
		t.Error("the type of an existing field can be changed")
	}
	h.tap("Annuler")

	// A second field, then moved above the first.
	h.tap("Ajouter un champ")
	h.typeIn(h.entry(0), "Passeport")
	h.tap("Enregistrer")
	h.tapIconInRow("Passeport", theme.MoveUpIcon())
	fields, _ = h.svc.CustomFields(ctx)
	if len(fields) != 2 || fields[0].Name != "Passeport" {
		t.Errorf("after moving Passeport up: %+v", fields)
	}

	h.tapInRow("Fidélité", "Archiver")
	active, _ := h.svc.ActiveCustomFields(ctx)
	if len(active) != 1 || active[0].Name != "Passeport" {
		t.Errorf("active fields after archiving Fidélité: %+v", active)
	}
}

func TestAccountingSavedAndRefused(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(secAccounting)
	h.typeIn(h.entry(0), "411DIV")
	h.typeIn(h.entry(1), "411")
	h.tap("Enregistrer")
	h.shows("Enregistré.")
	st, _ := h.svc.Settings(ctx)
	if st.SundryAccount != "411DIV" || st.AccountPrefix != "411" {
		t.Errorf("accounting read back %q / %q", st.SundryAccount, st.AccountPrefix)
	}

	h.typeIn(h.entry(1), "41A")
	h.tap("Enregistrer")
	h.shows("« 41A » : le début imposé des numéros de compte est fait de 1 à 10 chiffres")
	st, _ = h.svc.Settings(ctx)
	if st.AccountPrefix != "411" {
		t.Errorf("a refused start was saved: %q", st.AccountPrefix)
	}
}

func TestPhoneRegionSavedWithItsExample(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(secPhones)
	h.shows("Par exemple, « 06 12 34 56 78 » saisi sans indicatif est lu comme +33 6 12 34 56 78.")
	h.choose(0, "Belgique")
	h.shows("Enregistré : Belgique.")
	h.shows("+32 450 00 12 34")
	st, _ := h.svc.Settings(ctx)
	if st.PhoneRegion != "BE" {
		t.Errorf("region read back %q, want BE", st.PhoneRegion)
	}
}

func TestBackupsKeptSaved(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(secBackups)
	h.choose(0, "20")
	h.shows("Enregistré : les 20 sauvegardes les plus récentes sont gardées.")
	if n, _ := h.svc.BackupKeep(ctx); n != 20 {
		t.Errorf("backups kept read back %d, want 20", n)
	}
}

func TestOperatorsCreatedThenTurnedOn(t *testing.T) {
	h := newHarness(t, "fr")
	h.open(secOperators)
	on := h.check("Demander qui travaille, et vérifier les permissions de chacun")

	// Without an owner, turning on is refused and the switch goes back.
	h.act(func() { test.Tap(on) })
	h.wait()
	h.shows("Créez d’abord un opérateur propriétaire")
	if on.Checked {
		t.Error("the switch stayed on after a refusal")
	}

	h.tap("Ajouter un opérateur")
	h.typeIn(h.entry(0), "Marie")
	h.typeIn(h.entry(1), "1234")
	h.typeIn(h.entry(2), "1243")
	h.tap("Enregistrer")
	h.shows("Les deux codes PIN diffèrent")
	h.typeIn(h.entry(2), "1234")
	h.tap("Enregistrer")
	h.shows("Opérateur « Marie » enregistré.")
	h.shows("Propriétaire")

	// An employee who may adjust balances, without a PIN.
	h.tap("Ajouter un opérateur")
	h.typeIn(h.entry(0), "Paul")
	h.act(func() { h.check(domain.PermBalance.Label().FR).SetChecked(true) })
	h.tap("Enregistrer")
	h.shows("soldes")

	ops, _ := h.svc.Operators(ctx)
	if len(ops) != 2 || ops[0].Name != "Marie" || ops[0].Role != domain.RoleOwner || !ops[0].HasPIN ||
		ops[1].Role != domain.RoleEmployee || !slices.Equal(ops[1].Permissions, []domain.Permission{domain.PermBalance}) || ops[1].HasPIN {
		t.Fatalf("operators read back %+v", ops)
	}

	// Turning on asks who is working; a wrong PIN is refused.
	h.act(func() { test.Tap(on) })
	h.wait()
	h.shows("Qui travaille ?")
	h.typeIn(h.entry(0), "0000")
	h.tap("Ouvrir la session et activer")
	h.shows("Code PIN incorrect")
	h.typeIn(h.entry(0), "1234")
	h.tap("Ouvrir la session et activer")
	h.shows("Opérateurs activés : Carnet demandera qui travaille au démarrage.")
	if isOn, _ := h.svc.OperatorsOn(ctx); !isOn || !on.Checked {
		t.Errorf("operators on: %v, switch %v", isOn, on.Checked)
	}
	if op := h.svc.CurrentOperator(); op == nil || op.Name != "Marie" {
		t.Errorf("current operator %+v, want Marie", op)
	}
}

func TestRefusedPermissionShowsItsMessage(t *testing.T) {
	h := newHarness(t, "fr")
	pin := "1234"
	if _, err := h.svc.SaveOperator(ctx, domain.Operator{Name: "Marie", Role: domain.RoleOwner}, &pin); err != nil {
		t.Fatal(err)
	}
	if _, err := h.svc.SaveOperator(ctx, domain.Operator{Name: "Paul", Role: domain.RoleEmployee, Permissions: []domain.Permission{domain.PermBalance}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := h.svc.SetOperatorsOn(ctx, true); err != nil {
		t.Fatal(err)
	}
	if _, err := h.svc.SignIn(ctx, "Paul", ""); err != nil {
		t.Fatal(err)
	}
	h.open(secAccounting)
	h.typeIn(h.entry(0), "411999")
	h.tap("Enregistrer")
	h.shows("Paul n’a pas la permission « Peut modifier les paramètres »")

	h.open(secLists)
	h.typeIn(h.entry(0), "Bouche-à-oreille")
	h.tap("Ajouter")
	h.shows("Paul n’a pas la permission « Peut modifier les paramètres »")

	st, _ := h.svc.Settings(ctx)
	if st.SundryAccount == "411999" {
		t.Error("a refused change was saved")
	}
	if h.changed != 0 {
		t.Errorf("the main window was told of %d refused changes", h.changed)
	}
}

func TestJournalNamesTheChanges(t *testing.T) {
	h := newHarness(t, "fr")
	if err := h.svc.AddRef(ctx, domain.ListMarketing, "Salon"); err != nil {
		t.Fatal(err)
	}
	h.open(secJournal)
	h.shows("Paramètres modifiés")
	h.shows("Sources marketing")
}

func TestEnglish(t *testing.T) {
	h := newHarness(t, "en")
	for _, s := range []string{"Numbering", "Custom fields", "Lists", "Accounting", "Phones", "Operators", "Journal", "Backups"} {
		h.shows(s)
	}
	h.open(secNumbering)
	h.typeIn(h.entry(1), "3")
	h.tap("Save")
	h.shows("set the length to 5 or more")
	h.open(secPhones)
	h.shows("For example, “06 12 34 56 78” typed without prefix is read as +33 6 12 34 56 78.")
	if strings.Contains(h.texts(), "Enregistr") {
		t.Error("French text in the English window")
	}
}

// TestPreviewAsksOncePerPause: keys typed in a burst ask for the next code
// once, when typing pauses, not once per key.
func TestPreviewAsksOncePerPause(t *testing.T) {
	work := uiwork.New()
	d := debouncer{work: work}
	var mu sync.Mutex
	asked := 0
	for range 5 {
		d.call(50*time.Millisecond, func() {
			mu.Lock()
			asked++
			mu.Unlock()
		})
	}
	if !work.Wait(5 * time.Second) {
		t.Fatal("the pending call did not run")
	}
	if asked != 1 {
		t.Errorf("asked %d times, want once", asked)
	}
}
