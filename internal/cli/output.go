package cli

import (
	"io"
	"os"
	"path/filepath"

	"carnet/internal/atomicfile"
)

// checkOutput refuses, before anything is done, an output file that would
// destroy something: the file being read, the customer database (or its
// journal files), a folder, or any existing file unless --force was given.
// carnet import s.csv --errors-xlsx s.csv once emptied s.csv.
func checkOutput(path string, inputs []string, db string, force bool) error {
	if path == "" {
		return nil
	}
	st, err := os.Stat(path)
	if err == nil && st.IsDir() {
		return usageErr("« "+path+" » est un dossier : donnez le nom du fichier à écrire.",
			"\""+path+"\" is a folder: give the name of the file to write.")
	}
	for _, in := range inputs {
		if sameFile(path, in) {
			return usageErr("« "+path+" » est le fichier lu : l’écrire le détruirait. Choisissez un autre nom.",
				"\""+path+"\" is the file being read: writing it would destroy it. Choose another name.")
		}
	}
	for _, f := range []string{db, db + "-wal", db + "-shm"} {
		if db != "" && sameFile(path, f) {
			return usageErr("« "+path+" » est la base de clients : choisissez un autre nom.",
				"\""+path+"\" is the customer database: choose another name.")
		}
	}
	if err == nil && !force {
		return usageErr("« "+path+" » existe déjà : ajoutez --force pour le remplacer, ou choisissez un autre nom.",
			"\""+path+"\" already exists: add --force to replace it, or choose another name.")
	}
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return usageErr("le dossier « "+dir+" » n’existe pas.", "the folder \""+dir+"\" does not exist.")
		}
	}
	return nil
}

// sameFile reports whether a and b name one file (the same path, or two
// paths to one file).
func sameFile(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	ab, errA := filepath.Abs(a)
	bb, errB := filepath.Abs(b)
	if errA == nil && errB == nil && filepath.Clean(ab) == filepath.Clean(bb) {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// writeOutput writes path whole or not at all (atomicfile).
func writeOutput(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, write)
}
