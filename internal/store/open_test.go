package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"carnet/internal/domain"
	"carnet/internal/store"
)

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func hasCode(err error, code string) bool {
	var de *domain.Error
	return errors.As(err, &de) && de.Code == code
}

// TestOpenRefusesWhatIsNotACustomerFile: a folder, a missing folder, a
// spreadsheet or someone else's SQLite file are refused with the user's
// words, and left exactly as they were; no file is created on the way.
func TestOpenRefusesWhatIsNotACustomerFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := store.Open(dir); !hasCode(err, "is_directory") {
		t.Errorf("a folder: %v", err)
	}
	typo := filepath.Join(dir, "Documents-typo", "carnet.db")
	if _, err := store.Open(typo); !hasCode(err, "no_folder") {
		t.Errorf("a missing folder: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(typo)); !os.IsNotExist(err) {
		t.Error("the mistyped folder was created")
	}
	if _, err := store.OpenReadOnly(filepath.Join(dir, "absent.db")); !hasCode(err, "no_database") {
		t.Errorf("reading a missing file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "absent.db")); !os.IsNotExist(err) {
		t.Error("reading a missing file created it")
	}

	csv := filepath.Join(dir, "clients.csv")
	os.WriteFile(csv, []byte("Nom;Ville\nDurand;Lyon\n"), 0o644)
	before := sum(t, csv)
	if _, err := store.Open(csv); !errors.Is(err, store.ErrNotADatabase) {
		t.Errorf("a CSV file as the database: %v", err)
	}
	if sum(t, csv) != before {
		t.Error("the CSV file was changed")
	}

	other := filepath.Join(dir, "compta.sqlite")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE ecritures (id INTEGER PRIMARY KEY, montant INTEGER)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before = sum(t, other)
	if _, err := store.Open(other); !errors.Is(err, store.ErrNotCarnet) {
		t.Errorf("another program's SQLite file: %v", err)
	}
	if sum(t, other) != before {
		t.Error("another program's SQLite file was changed")
	}
	for _, err := range []error{store.ErrNotADatabase, store.ErrNotCarnet} {
		if msg := domain.UserMessage(err, "fr"); strings.Contains(msg, "(26)") || strings.Contains(msg, "SQLITE") {
			t.Errorf("a driver's text reaches the user: %q", msg)
		}
	}
}

// TestNewerDatabaseIsReadNeverWritten: a file from a newer Carnet is not
// opened to write (nothing changes in it) and is still read.
func TestNewerDatabaseIsReadNeverWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "carnet.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	latest, _ := store.LatestSchema()
	if _, err := s.ReadDB().Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := sum(t, path)
	_, err = store.Open(path)
	if !hasCode(err, "newer_database") || !strings.Contains(domain.UserMessage(err, "fr"), "mettez Carnet à jour") {
		t.Fatalf("opening a schema-99 file with a schema-%d Carnet: %v", latest, err)
	}
	if sum(t, path) != before {
		t.Error("the newer file was changed")
	}
	r, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatalf("reading the newer file: %v", err)
	}
	defer r.Close()
	if v, _ := r.SchemaVersion(context.Background()); v != 99 {
		t.Errorf("read schema %d", v)
	}
	if err := r.Update(context.Background(), func(tx *store.Tx) error { return tx.SetSetting(context.Background(), "x", "y") }); err == nil {
		t.Error("a read-only store wrote")
	}
}

// TestMigrationBacksUpFirst: a file of the first schema (as the first
// release wrote it) is backed up before it is brought up to date, and
// keeps its customers.
func TestMigrationBacksUpFirst(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "carnet.db")
	first, err := os.ReadFile(filepath.Join("migrations", "001_customers.sql"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{string(first), "PRAGMA user_version = 1",
		`INSERT INTO customers (code, kind, last_name, sort_name, created_at, updated_at)
			VALUES ('C1', 'person', 'Ancien', 'ancien', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	backups, err := store.Backups(path)
	if err != nil || len(backups) != 1 || backups[0].Reason != store.ReasonMigration {
		t.Fatalf("backups after the migration: %+v (%v)", backups, err)
	}
	old, err := store.OpenReadOnly(backups[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if v, _ := old.SchemaVersion(ctx); v != 1 {
		t.Errorf("the backup holds schema %d, want the file as it was (1)", v)
	}
	if n, _ := s.Count(ctx, store.Query{Archived: store.FilterAny}); n != 1 {
		t.Errorf("%d customers after the migration", n)
	}
	latest, _ := store.LatestSchema()
	if v, _ := s.SchemaVersion(ctx); v != latest {
		t.Errorf("schema %d after opening, want %d", v, latest)
	}
}

// TestBackupsKeepTheLastNAndRestore: backups are named by reason, only the
// last N stay, an empty file is not backed up, and a restore brings the
// data back after backing up the current file.
func TestBackupsKeepTheLastNAndRestore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "carnet.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := s.AutoBackup(ctx, store.ReasonImport); err != nil || b.Path != "" {
		t.Fatalf("an empty file was backed up: %+v %v", b, err)
	}
	if err := insertCustomer(ctx, s, "Premier"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBackupKeep(ctx, 3); err != nil {
		t.Fatal(err)
	}
	first, err := s.AutoBackup(ctx, store.ReasonImport)
	if err != nil || first.Path == "" {
		t.Fatal(err)
	}
	if err := insertCustomer(ctx, s, "Second"); err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if _, err := s.AutoBackup(ctx, store.ReasonUndo); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := store.Backups(path)
	if len(list) != 3 {
		t.Fatalf("%d backups kept, want 3", len(list))
	}
	for _, b := range list {
		if b.Reason != store.ReasonUndo {
			t.Errorf("backup %s: reason %q", b.Path, b.Reason)
		}
	}
	keepFirst := filepath.Join(t.TempDir(), "premier.db")
	if err := s.BackupTo(ctx, keepFirst); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// The first backup was pruned; restore the copy of the two-customer
	// state taken just now, after deleting a customer.
	s, _ = store.Open(path)
	s.ReadDB().Exec("DELETE FROM customers")
	s.Close()
	saved, err := store.RestoreBackup(ctx, path, keepFirst)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Reason != store.ReasonRestore {
		t.Errorf("the current file was not backed up before the restore: %+v", saved)
	}
	s, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx, store.Query{Archived: store.FilterAny}); n != 2 {
		t.Errorf("%d customers after the restore, want 2", n)
	}
	if _, err := store.RestoreBackup(ctx, path, path); err == nil {
		t.Error("restoring the file onto itself was accepted")
	}
	notDB := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(notDB, []byte("Nom;Ville\n"), 0o644)
	if _, err := store.RestoreBackup(ctx, path, notDB); !errors.Is(err, store.ErrNotADatabase) {
		t.Errorf("restoring a text file: %v", err)
	}
}

func insertCustomer(ctx context.Context, s *store.Store, name string) error {
	return s.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.SQL().ExecContext(ctx, `INSERT INTO customers (code, kind, last_name, sort_name, created_at, updated_at)
			VALUES (?, 'person', ?, ?, '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`, "C-"+name, name, strings.ToLower(name))
		return err
	})
}

// TestHalfWrittenBackupsLeftByAKillGo: a process killed during a backup
// leaves name.db.tmp behind; the next backup removes those over an hour
// old and leaves a fresh one (another process's backup in progress).
func TestHalfWrittenBackupsLeftByAKillGo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "carnet.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := insertCustomer(ctx, s, "Gardé"); err != nil {
		t.Fatal(err)
	}
	dir := store.BackupDir(path)
	os.MkdirAll(dir, 0o755)
	stale := filepath.Join(dir, "carnet-2026-01-01-120000.000-avant-import.db.tmp")
	fresh := filepath.Join(dir, "carnet-2026-12-02-120000.000-manuelle.db.tmp")
	other := filepath.Join(dir, "autre-2026-01-01-120000.000-avant-import.db.tmp")
	for _, f := range []string{stale, fresh, other} {
		if err := os.WriteFile(f, []byte("à moitié"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if _, err := s.AutoBackup(ctx, store.ReasonManual); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale half-written backup is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a backup being written now was removed: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another database's file was removed: %v", err)
	}
}
