package demo

// Name and place lists for realistic French sample customers. The cities
// are real, with one of their real postcodes.

var lastNames = []string{
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
	"Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
	"Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
	"Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
	"Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
	"Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
	"Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
	"Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin",
	"Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal",
	"Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Lacroix", "Fabre", "Dupuis", "Olivier",
	"Da Silva", "Hubert", "Rivière", "Le Gall", "Guillaume", "Moulin", "Berger", "Lecomte", "Ménard", "Fleury",
	"Deschamps", "Carpentier", "Benoît", "Maillard", "Aubry", "Le Roux", "Jacquet", "Prévost", "Poirier", "Charpentier",
	"Huet", "Dupuy", "Carré", "Breton", "Rémy", "Schneider", "Perrot", "Guyot", "Marty", "Cousin",
	"Le Goff", "Kerbrat", "Etcheverry", "Bénard", "Hoarau", "Payet", "Grondin", "Lebon", "Tessier", "Chauvin",
}

var womenFirstNames = []string{
	"Élise", "Hélène", "Chloé", "Léa", "Zoé", "Inès", "Anaïs", "Maëlle", "Noémie", "Céline",
	"Valérie", "Stéphanie", "Amélie", "Gaëlle", "Agnès", "Marie", "Camille", "Julie", "Sophie", "Nathalie",
	"Isabelle", "Sandrine", "Emma", "Manon", "Sarah", "Laura", "Pauline", "Claire", "Margaux", "Océane",
	"Françoise", "Geneviève", "Josiane", "Édith", "Mélanie", "Aurélie", "Émilie", "Lucie", "Juliette", "Louise",
}

var menFirstNames = []string{
	"Jérôme", "Sébastien", "Frédéric", "Stéphane", "Hervé", "Jérémy", "Cédric", "Grégory", "Benoît", "François",
	"Raphaël", "Gaël", "Loïc", "Noël", "Joël", "Jean", "Pierre", "Nicolas", "Julien", "Thomas",
	"Philippe", "Laurent", "Éric", "Olivier", "Christophe", "David", "Lucas", "Hugo", "Louis", "Gabriel",
	"Arthur", "Théo", "Mathéo", "Clément", "Antoine", "Maxime", "Alexandre", "Yannick", "Bruno", "René",
}

type city struct {
	name, postcode string
	// phonePrefix is the landline area prefix: 01 Île-de-France, 02 north-west,
	// 03 north-east, 04 south-east, 05 south-west; overseas use their own.
	phonePrefix string
}

var cities = []city{
	{"Paris", "75001", "01"}, {"Paris", "75011", "01"}, {"Paris", "75015", "01"}, {"Paris", "75018", "01"},
	{"Marseille", "13001", "04"}, {"Marseille", "13008", "04"}, {"Lyon", "69001", "04"}, {"Lyon", "69003", "04"},
	{"Toulouse", "31000", "05"}, {"Nice", "06000", "04"}, {"Nantes", "44000", "02"}, {"Strasbourg", "67000", "03"},
	{"Montpellier", "34000", "04"}, {"Bordeaux", "33000", "05"}, {"Lille", "59000", "03"}, {"Rennes", "35000", "02"},
	{"Reims", "51100", "03"}, {"Le Havre", "76600", "02"}, {"Saint-Étienne", "42000", "04"}, {"Toulon", "83000", "04"},
	{"Grenoble", "38000", "04"}, {"Dijon", "21000", "03"}, {"Angers", "49000", "02"}, {"Nîmes", "30000", "04"},
	{"Villeurbanne", "69100", "04"}, {"Clermont-Ferrand", "63000", "04"}, {"Le Mans", "72000", "02"},
	{"Aix-en-Provence", "13100", "04"}, {"Brest", "29200", "02"}, {"Tours", "37000", "02"}, {"Amiens", "80000", "03"},
	{"Limoges", "87000", "05"}, {"Annecy", "74000", "04"}, {"Perpignan", "66000", "04"}, {"Metz", "57000", "03"},
	{"Besançon", "25000", "03"}, {"Orléans", "45000", "02"}, {"Rouen", "76000", "02"}, {"Mulhouse", "68100", "03"},
	{"Caen", "14000", "02"}, {"Nancy", "54000", "03"}, {"Argenteuil", "95100", "01"}, {"Montreuil", "93100", "01"},
	{"Roubaix", "59100", "03"}, {"Avignon", "84000", "04"}, {"Poitiers", "86000", "05"}, {"Pau", "64000", "05"},
	{"La Rochelle", "17000", "05"}, {"Bourg-en-Bresse", "01000", "04"}, {"Laon", "02000", "03"}, {"Moulins", "03000", "04"},
	{"Digne-les-Bains", "04000", "04"}, {"Gap", "05000", "04"}, {"Privas", "07000", "04"}, {"Troyes", "10000", "03"},
	{"Carcassonne", "11000", "04"}, {"Rodez", "12000", "05"}, {"Ajaccio", "20000", "04"}, {"Bastia", "20200", "04"},
	{"Quimper", "29000", "02"}, {"Vannes", "56000", "02"}, {"Colmar", "68000", "03"}, {"Chambéry", "73000", "04"},
	{"Évreux", "27000", "02"}, {"Épinal", "88000", "03"}, {"Sète", "34200", "04"}, {"Saint-Malo", "35400", "02"},
	{"Bayonne", "64100", "05"}, {"Périgueux", "24000", "05"}, {"Angoulême", "16000", "05"}, {"Valence", "26000", "04"},
	{"Fort-de-France", "97200", "0596"}, {"Saint-Denis", "97400", "0262"}, {"Pointe-à-Pitre", "97110", "0590"},
}

var streets = []string{
	"rue de la République", "avenue Jean-Jaurès", "boulevard Victor-Hugo", "place de l’Église", "rue Pasteur",
	"chemin des Vignes", "allée des Tilleuls", "impasse du Moulin", "rue Émile-Zola", "quai de la Loire",
	"rue du Général-de-Gaulle", "avenue de la Gare", "rue des Écoles", "rue Nationale", "route de Paris",
	"rue Voltaire", "boulevard Gambetta", "rue de la Paix", "rue du Château", "avenue Foch",
}

var trades = []string{
	"Boulangerie", "Garage", "Menuiserie", "Plomberie", "Pharmacie", "Librairie", "Fromagerie", "Cave",
	"Fleuriste", "Quincaillerie", "Transports", "Électricité", "Imprimerie", "Pâtisserie", "Salon de coiffure",
	"Cabinet", "Atelier", "Boucherie", "Épicerie fine", "Auto-école",
}

var legalForms = []string{"SARL", "SAS", "EURL", "SASU", "SA", "SCI", "EI"}

var emailDomains = []string{"gmail.com", "orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "sfr.fr", "outlook.fr", "yahoo.fr", "hotmail.fr"}

var demoGroups = []struct {
	name     string
	discount int64 // hundredths of a percent
}{{"Particuliers", 0}, {"Professionnels", 500}, {"VIP", 1000}, {"Revendeurs", 1500}, {"Collectivités", 300}}

var sources = []string{"Bouche-à-oreille", "Salon professionnel", "Google", "Facebook", "Prospectus", "Site web"}

var paymentMethods = []string{"Virement", "Chèque", "Carte bancaire", "Prélèvement", "Espèces"}

var paymentTerms = []string{"Comptant", "30 jours", "30 jours fin de mois", "45 jours fin de mois", "60 jours"}
