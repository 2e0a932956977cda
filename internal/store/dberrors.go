package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"carnet/internal/domain"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The errors a user can meet opening or writing the customer file, said in
// their words: SQLite's own text ("database is locked (5)", "file is not a
// database (26)") never reaches them (DESIGN §2).
var (
	ErrNotADatabase = &domain.Error{Code: "not_a_database", Message: domain.Message{
		FR: "Ce fichier n’est pas une base de clients Carnet : choisissez le fichier carnet.db (ou une de ses sauvegardes).",
		EN: "This file is not a Carnet customer database: choose the carnet.db file (or one of its backups)."}}
	ErrNotCarnet = &domain.Error{Code: "not_carnet", Message: domain.Message{
		FR: "Ce fichier est une base SQLite, mais pas une base de clients Carnet : Carnet n’y touche pas. Choisissez le fichier carnet.db.",
		EN: "This file is an SQLite database, but not a Carnet customer database: Carnet leaves it alone. Choose the carnet.db file."}}
	ErrReadOnly = &domain.Error{Code: "read_only", Message: domain.Message{
		FR: "La base de clients est en lecture seule (fichier ou dossier protégé contre l’écriture) : on peut la consulter, pas la modifier. Vérifiez ses droits, ou copiez-la dans un dossier où vous pouvez écrire.",
		EN: "The customer database is read-only (the file or its folder is write-protected): it can be read, not changed. Check its permissions, or copy it to a folder you can write to."}}
	ErrCannotOpen = &domain.Error{Code: "cannot_open", Message: domain.Message{
		FR: "La base de clients ne peut pas être ouverte : vérifiez que le fichier existe, que son dossier est accessible et qu’aucun autre programme ne le bloque.",
		EN: "The customer database cannot be opened: check that the file exists, that its folder can be reached and that no other program locks it."}}
	ErrDiskFull = &domain.Error{Code: "disk_full", Message: domain.Message{
		FR: "Le disque est plein : rien n’a été écrit. Libérez de la place puis recommencez.",
		EN: "The disk is full: nothing was written. Free some space and try again."}}
	ErrCorrupt = &domain.Error{Code: "corrupt", Message: domain.Message{
		FR: "La base de clients est endommagée. Restaurez la dernière sauvegarde (Fichier › Sauvegardes, ou carnet restore).",
		EN: "The customer database is damaged. Restore the latest backup (File › Backups, or carnet restore)."}}
)

// ErrNewerDatabase says that the file comes from a newer Carnet.
func ErrNewerDatabase(found, known int) error {
	return &domain.Error{Code: "newer_database", Message: domain.Message{
		FR: "Cette base de clients a été écrite par une version plus récente de Carnet (schéma n° " + strconv.Itoa(found) +
			", cette version connaît jusqu’au n° " + strconv.Itoa(known) + ") : mettez Carnet à jour pour la modifier. Rien n’y a été écrit.",
		EN: "This customer database was written by a newer Carnet (schema " + strconv.Itoa(found) +
			"; this version knows up to " + strconv.Itoa(known) + "): update Carnet to change it. Nothing was written to it."}}
}

// storageError is any other error of the database, by its SQLite code.
func storageError(code int) error {
	c := strconv.Itoa(code)
	return &domain.Error{Code: "storage", Message: domain.Message{
		FR: "La base de clients a refusé l’opération (code SQLite " + c + ") : rien n’a été écrit. Si cela recommence, restaurez la dernière sauvegarde.",
		EN: "The customer database refused the operation (SQLite code " + c + "): nothing was written. If it happens again, restore the latest backup."}}
}

// mapError turns an SQLite error into the domain error that says what it
// means for the user; the driver's text stays in the chain for logs.
// Other errors (a domain error, a cancel) pass unchanged.
func mapError(err error) error {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	var user error
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		user = domain.ErrBusy
	case sqlite3.SQLITE_READONLY:
		user = ErrReadOnly
	case sqlite3.SQLITE_NOTADB:
		user = ErrNotADatabase
	case sqlite3.SQLITE_CANTOPEN:
		user = ErrCannotOpen
	case sqlite3.SQLITE_FULL:
		user = ErrDiskFull
	case sqlite3.SQLITE_CORRUPT:
		user = ErrCorrupt
	case sqlite3.SQLITE_INTERRUPT:
		return context.Canceled
	default:
		user = storageError(se.Code())
	}
	return fmt.Errorf("%w (%v)", user, err)
}

// mapBusy is mapError: kept for the callers that name the busy case.
func mapBusy(err error) error { return mapError(err) }
