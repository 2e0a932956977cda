package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"carnet/internal/domain"
)

// Opening a customer file follows rules that keep a user's data safe:
//   - a mistyped path never creates an empty customer file: a new file is
//     made only in a folder that exists, and only to write in;
//   - a file that is not SQLite, or an SQLite file that is not Carnet's,
//     is refused untouched;
//   - a file written by a newer Carnet is read, never written;
//   - before a migration changes the schema of a file that holds data, a
//     backup is written beside it.

// ErrIsDirectory: the path names a folder.
func errIsDirectory(path string) error {
	return &domain.Error{Code: "is_directory", Message: domain.Message{
		FR: "« " + path + " » est un dossier, pas une base de clients : donnez le chemin du fichier (carnet.db).",
		EN: "\"" + path + "\" is a folder, not a customer database: give the path of the file (carnet.db)."}}
}

func errNoFolder(dir string) error {
	return &domain.Error{Code: "no_folder", Message: domain.Message{
		FR: "Le dossier « " + dir + " » n’existe pas : vérifiez le chemin de la base de clients. Carnet ne crée pas de base vide à un chemin mal saisi.",
		EN: "The folder \"" + dir + "\" does not exist: check the customer database’s path. Carnet does not create an empty database at a mistyped path."}}
}

func errNoDatabase(path string) error {
	return &domain.Error{Code: "no_database", Message: domain.Message{
		FR: "Il n’y a pas de base de clients à « " + path + " » : vérifiez le chemin.",
		EN: "There is no customer database at \"" + path + "\": check the path."}}
}

// Open opens the database at path to read and write it, creating it when
// the file is missing and its folder exists, and brings its schema up to
// date (backing it up first when it holds data).
func Open(path string) (*Store, error) {
	fresh, err := checkPath(path, true)
	if err != nil {
		return nil, err
	}
	if !fresh {
		// Looked at read-only first: opening to write turns WAL on, which
		// changes the file, and a file that is not ours stays untouched.
		if err := checkOwner(path); err != nil {
			return nil, err
		}
	}
	s, err := openPools(path, false)
	if err != nil {
		return nil, err
	}
	if err := s.prepare(context.Background(), fresh); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// OpenReadOnly opens an existing database for reading only: nothing is
// migrated or written, so it serves files from a newer Carnet and files
// the user may not write.
func OpenReadOnly(path string) (*Store, error) {
	if _, err := checkPath(path, false); err != nil {
		return nil, err
	}
	s, err := openPools(path, true)
	if err != nil {
		return nil, err
	}
	version, err := s.SchemaVersion(context.Background())
	if err != nil {
		s.Close()
		return nil, mapError(err)
	}
	if version == 0 {
		s.Close()
		return nil, ErrNotCarnet
	}
	s.site.Store(mainSiteID(context.Background(), s.read))
	return s, nil
}

// checkPath refuses what is not a database file before SQLite sees it, and
// reports whether the file is yet to be created.
func checkPath(path string, create bool) (fresh bool, err error) {
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return false, errIsDirectory(path)
	case err == nil:
		return false, checkHeader(path)
	case !errors.Is(err, os.ErrNotExist):
		return false, fmt.Errorf("%w (%v)", ErrCannotOpen, err)
	case !create:
		return false, errNoDatabase(path)
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return false, errNoFolder(dir)
	}
	return true, nil
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader refuses a file that is not SQLite (a spreadsheet given as the
// database, say); an empty file is a database yet to be written.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w (%v)", ErrCannotOpen, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil
	}
	if !bytes.Equal(head[:n], sqliteMagic) {
		return ErrNotADatabase
	}
	return nil
}

// openPools opens the read pool and, unless readOnly, the single writer.
func openPools(path string, readOnly bool) (*Store, error) {
	s := &Store{Path: path}
	var err error
	if readOnly {
		// One pool serves both: it refuses every write.
		if s.read, err = sql.Open("sqlite", "file:"+path+"?mode=ro"); err != nil {
			return nil, err
		}
		s.read.SetMaxOpenConns(4)
		s.write = s.read
		return s, nil
	}
	if s.write, err = sql.Open("sqlite", dsn(path, true)); err != nil {
		return nil, err
	}
	s.write.SetMaxOpenConns(1)
	if s.read, err = sql.Open("sqlite", dsn(path, false)); err != nil {
		s.write.Close()
		return nil, err
	}
	s.read.SetMaxOpenConns(4)
	return s, nil
}

// checkOwner refuses, reading only, a file from a newer Carnet and an
// SQLite file that is not Carnet's.
func checkOwner(path string) error {
	probe, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return mapError(err)
	}
	defer probe.Close()
	ctx := context.Background()
	var current, tables int
	if err := probe.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return mapError(err)
	}
	latest, err := LatestSchema()
	if err != nil {
		return err
	}
	if current > latest {
		return ErrNewerDatabase(current, latest)
	}
	if current == 0 {
		if err := probe.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return mapError(err)
		}
		if tables > 0 {
			return ErrNotCarnet
		}
	}
	return nil
}

// prepare brings the schema up to date, backing the file up first when it
// holds data.
func (s *Store) prepare(ctx context.Context, fresh bool) error {
	var current int
	if err := s.write.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return mapError(err)
	}
	latest, err := LatestSchema()
	if err != nil {
		return err
	}
	if current > latest { // written meanwhile by a newer Carnet
		return ErrNewerDatabase(current, latest)
	}
	if current > 0 && current < latest {
		if _, err := s.AutoBackup(ctx, ReasonMigration); err != nil {
			return fmt.Errorf("backup before updating the schema: %w", err)
		}
	}
	if err := s.migrate(ctx); err != nil {
		return mapError(err)
	}
	s.site.Store(mainSiteID(ctx, s.read))
	return nil
}
