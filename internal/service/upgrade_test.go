package service_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"carnet/internal/domain"
	"carnet/internal/service"
	"carnet/internal/store"
)

var updateSchema1 = flag.Bool("update-schema1", false, "rewrite testdata/upgrade/schema1.db from oldCustomers (upgrade_fixture_test.go)")

// copySchema1 copies the first release's file into a fresh folder, as a
// user's carnet.db.
func copySchema1(t *testing.T) string {
	t.Helper()
	if *updateSchema1 {
		if err := writeSchema1(schema1Path); err != nil {
			t.Fatalf("writing %s: %v", schema1Path, err)
		}
	}
	data, err := os.ReadFile(schema1Path)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "carnet.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestUpgradeFromFirstRelease: the customer file of the first release
// opens in this version after a backup of it as it was, and every customer
// is there, on the main site, with its name, code, e-mail, phones,
// addresses, groups, balance, documents, notes and custom fields; the
// search finds them, and the file takes new customers and changes.
func TestUpgradeFromFirstRelease(t *testing.T) {
	ctx := context.Background()
	path := copySchema1(t)
	svc, err := service.Open(path)
	if err != nil {
		t.Fatalf("opening the first release's file: %v", err)
	}
	defer svc.Close()

	backups, err := service.Backups(path)
	if err != nil || len(backups) != 1 || backups[0].Reason != domain.BackupMigration {
		t.Fatalf("backups after the upgrade: %+v (%v), want one, before the migration", backups, err)
	}
	before, err := service.OpenReadOnly(backups[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := before.Store.SchemaVersion(ctx); v != 1 {
		t.Errorf("the backup holds schema %d, want the file as it was (1)", v)
	}
	before.Close()
	latest, _ := store.LatestSchema()
	if v, _ := svc.Store.SchemaVersion(ctx); v != latest {
		t.Errorf("schema %d after opening, want %d", v, latest)
	}

	sites, err := svc.Sites(ctx)
	if err != nil || len(sites) != 1 || !sites[0].Main || sites[0].Customers != len(oldCustomers) {
		t.Fatalf("sites after the upgrade: %+v (%v), want the main site with %d customers", sites, err, len(oldCustomers))
	}
	for i, o := range oldCustomers {
		checkUpgradedCustomer(t, svc, sites[0].Code, i, o)
	}
	checkUpgradedLists(t, svc)
	checkUpgradedSearch(t, svc, sites[0].ID)
	if docs, err := svc.DocumentsByCode(ctx, oldDeletedDocs[0].CustomerCode); err != nil || len(docs) != 1 ||
		docs[0].Number != oldDeletedDocs[0].Number || docs[0].CustomerName != oldDeletedDocs[0].CustomerName {
		t.Errorf("the deleted customer's history: %+v (%v)", docs, err)
	}
	checkUpgradedTakesChanges(t, svc)
	if v, err := svc.Store.IntegrityCheck(ctx); v != "ok" {
		t.Errorf("integrity check: %s %v", v, err)
	}
}

// checkUpgradedCustomer compares customer i as this version loads it with
// what the first release stored.
func checkUpgradedCustomer(t *testing.T, svc *service.Service, mainSite string, i int, o oldCustomer) {
	t.Helper()
	ctx := context.Background()
	var got *domain.Customer
	err := svc.Store.View(ctx, func(tx *store.Tx) (err error) {
		got, err = tx.CustomerBy(ctx, "code", o.c.Code)
		return err
	})
	if err != nil {
		t.Errorf("%s after the upgrade: %v", o.c.Code, err)
		return
	}
	if !got.Site.Present || got.Site.Site != mainSite || got.Site.Notes != o.notes || got.Site.Language != o.language {
		t.Errorf("%s: site part %q present %v, notes %q, language %q; want %s, %q, %q",
			o.c.Code, got.Site.Site, got.Site.Present, got.Site.Notes, got.Site.Language, mainSite, o.notes, o.language)
	}
	if !got.CreatedAt.Equal(oldCreated(i)) || !got.UpdatedAt.Equal(oldCreated(i)) {
		t.Errorf("%s: created %v, updated %v; want %v", o.c.Code, got.CreatedAt, got.UpdatedAt, oldCreated(i))
	}
	var balance int64
	for _, e := range o.ledger {
		balance += e.amount
	}
	entries, sum, err := svc.Ledger(ctx, got.ID)
	if err != nil || len(entries) != len(o.ledger) || sum != balance || got.Balance != balance {
		t.Errorf("%s: %d balance entries summing to %d, balance %d (%v); want %d entries, %d",
			o.c.Code, len(entries), sum, got.Balance, err, len(o.ledger), balance)
	}
	for _, e := range entries {
		if !slices.ContainsFunc(o.ledger, func(w oldEntry) bool {
			return w.label == e.Label && w.amount == e.Amount && w.origin == e.Origin && w.date == e.Date.UTC().Format("2006-01-02")
		}) {
			t.Errorf("%s: balance entry %+v was not in the file", o.c.Code, e)
		}
	}
	docs, err := svc.Documents(ctx, got.ID)
	if err != nil || len(docs) != len(o.docs) {
		t.Errorf("%s: %d documents (%v), want %d", o.c.Code, len(docs), err, len(o.docs))
	}
	for _, d := range docs {
		if d.CustomerName != o.c.Name() || !slices.ContainsFunc(o.docs, func(w oldDoc) bool { return w.number == d.Number && w.total == d.Total }) {
			t.Errorf("%s: document %+v was not in the file", o.c.Code, d)
		}
	}

	// Every shared field, compared whole: what the user typed then is
	// what the form shows now.
	want := o.c
	have := *got
	have.ID, have.Balance, have.Discount, have.Site = 0, 0, domain.Applicable{}, domain.SiteFields{}
	have.CreatedAt, have.UpdatedAt = want.CreatedAt, want.UpdatedAt
	have.Shipping = slices.Clone(have.Shipping)
	for j := range have.Shipping {
		have.Shipping[j].ID = 0
	}
	if !reflect.DeepEqual(have, want) {
		t.Errorf("%s after the upgrade differs from the first release's:%s", o.c.Code, fieldDiff(want, have))
	}
}

// fieldDiff lists the fields of two customers that differ.
func fieldDiff(want, got domain.Customer) string {
	var b strings.Builder
	w, g := reflect.ValueOf(want), reflect.ValueOf(got)
	for i := range w.NumField() {
		if !reflect.DeepEqual(w.Field(i).Interface(), g.Field(i).Interface()) {
			fmt.Fprintf(&b, "\n\t%s: want %+v, got %+v", w.Type().Field(i).Name, w.Field(i).Interface(), g.Field(i).Interface())
		}
	}
	return b.String()
}

// checkUpgradedLists: the groups keep their discounts and members, and the
// custom field values of the first release became text fields.
func checkUpgradedLists(t *testing.T, svc *service.Service) {
	t.Helper()
	ctx := context.Background()
	groups, err := svc.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	members := map[string]int{}
	for _, o := range oldCustomers {
		for _, g := range o.c.Groups {
			members[g]++
		}
	}
	if len(groups) != len(oldGroups) {
		t.Errorf("%d groups after the upgrade, want %d: %+v", len(groups), len(oldGroups), groups)
	}
	for _, g := range groups {
		if g.Discount != oldGroups[g.Name] || g.Members != members[g.Name] {
			t.Errorf("group %s: discount %d, %d members; want %d, %d", g.Name, g.Discount, g.Members, oldGroups[g.Name], members[g.Name])
		}
	}
	fields, err := svc.CustomFields(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range fields {
		names = append(names, f.Name+":"+string(f.Type))
	}
	slices.Sort(names)
	if want := []string{"Couleur préférée:text", "Pointure:text"}; !slices.Equal(names, want) {
		t.Errorf("custom fields after the upgrade: %v, want %v", names, want)
	}
}

// checkUpgradedSearch: the search index the first release wrote still
// answers, on the main site too, as the Clients tab asks it.
func checkUpgradedSearch(t *testing.T, svc *service.Service, mainSite int64) {
	t.Helper()
	ctx := context.Background()
	for _, tc := range []struct{ text, code string }{
		{"lefevre", "C0000002"}, {"besancon", "C0000002"}, {"oenologique", "C0000007"}, {"06 12 34", "C0000001"},
		{"2900000000017", "C0000013"}, {"zurich", "C0000014"}, {"nunez", "C0000015"}, {"C0000019", "C0000019"},
	} {
		rows, err := svc.Search(ctx, store.Query{Text: tc.text, Archived: store.FilterAny, SiteID: mainSite, Limit: 10})
		if err != nil || len(rows) != 1 || rows[0].Code != tc.code {
			t.Errorf("searching %q after the upgrade: %+v (%v), want %s", tc.text, rows, err, tc.code)
		}
	}
	archived := 0
	for _, o := range oldCustomers {
		if o.c.Archived {
			archived++
		}
	}
	for _, tc := range []struct {
		filter store.Filter
		want   int
	}{{store.FilterAny, len(oldCustomers)}, {store.FilterNo, len(oldCustomers) - archived}, {store.FilterYes, archived}} {
		rows, err := svc.Search(ctx, store.Query{Archived: tc.filter, SiteID: mainSite, Limit: 100})
		if err != nil || len(rows) != tc.want {
			t.Errorf("the main site's list (archived filter %d): %d customers (%v), want %d", tc.filter, len(rows), err, tc.want)
		}
	}
}

// checkUpgradedTakesChanges: a new customer gets a code of its own, and a
// customer of the first release takes a change and keeps the rest.
func checkUpgradedTakesChanges(t *testing.T, svc *service.Service) {
	t.Helper()
	ctx := context.Background()
	fresh := &domain.Customer{Kind: domain.KindPerson, LastName: "Nouvelle", FirstName: "Cliente", Email: "nouvelle@exemple.fr"}
	if err := svc.CreateCustomer(ctx, fresh); err != nil {
		t.Fatalf("a new customer in the upgraded file: %v", err)
	}
	if fresh.Code == "" || slices.ContainsFunc(oldCustomers, func(o oldCustomer) bool { return o.c.Code == fresh.Code }) {
		t.Errorf("the new customer got code %q, already a first-release customer's", fresh.Code)
	}
	var elise *domain.Customer
	err := svc.Store.View(ctx, func(tx *store.Tx) (err error) {
		elise, err = tx.CustomerBy(ctx, "code", "C0000002")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	elise.Email = "elise@nouvelle-adresse.fr"
	if err := svc.UpdateCustomer(ctx, elise); err != nil {
		t.Fatalf("changing a first-release customer: %v", err)
	}
	again, err := svc.Customer(ctx, elise.ID)
	if err != nil || again.Email != "elise@nouvelle-adresse.fr" || len(again.Shipping) != 2 || !slices.Equal(again.Groups, oldCustomers[1].c.Groups) {
		t.Errorf("C0000002 after a change: %+v (%v)", again, err)
	}
	if rows, _ := svc.Search(ctx, store.Query{Text: "nouvelle-adresse", Limit: 10}); len(rows) != 1 || rows[0].Code != "C0000002" {
		t.Errorf("the changed e-mail is not found: %+v", rows)
	}
}

// TestNewerDatabaseIsRefusedUntouched: a file written by a newer Carnet
// (its schema past this version's last migration) is refused with a
// message that says to update Carnet, and not a byte of it changes: no
// migration, no backup beside it.
func TestNewerDatabaseIsRefusedUntouched(t *testing.T) {
	path := copySchema1(t)
	latest, err := store.LatestSchema()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = " + strconv.Itoa(latest+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = service.Open(path)
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != "newer_database" {
		t.Fatalf("opening a file of schema %d with a schema-%d Carnet: %v", latest+1, latest, err)
	}
	for lang, want := range map[string]string{"fr": "mettez Carnet à jour", "en": "update Carnet"} {
		if msg := domain.UserMessage(err, lang); !strings.Contains(msg, want) {
			t.Errorf("the %s message does not say what to do (%q): %s", lang, want, msg)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(before, after) {
		t.Error("the newer file was changed by the attempt")
	}
	if _, err := os.Stat(service.BackupFolder(path)); err == nil {
		t.Error("a backup folder appeared beside the newer file")
	}
}
