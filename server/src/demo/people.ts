import type { PersonPlan } from "./script.ts";

const D = "Direction";
const RH = "Ressources humaines";
const FIN = "Finance";
const COM = "Commercial";
const COMM = "Communication";
const IT = "Informatique";
const BE = "Bureau d'études";
const LOG = "Achats et logistique";
const PROD = "Production";

/** The sixty people of Ateliers Fontaine & Fils, managers before the people they manage. */
export const EMPLOYEES: PersonPlan[] = [
  { key: "helene.fontaine", name: "Hélène Fontaine", title: "Présidente-directrice générale", department: D, location: "Lyon", skills: ["stratégie", "gouvernance", "relations bancaires"], languages: ["Français", "Anglais"], bio: "Troisième génération aux Ateliers. Ma porte est ouverte le vendredi matin." },
  { key: "olivier.fontaine", name: "Olivier Fontaine", title: "Directeur général délégué", department: D, location: "Lyon", manager: "helene.fontaine", skills: ["pilotage opérationnel", "industrialisation", "négociation"], languages: ["Français", "Anglais", "Allemand"] },
  { key: "martine.roche", name: "Martine Roche", title: "Assistante de direction", department: D, location: "Lyon", manager: "helene.fontaine", skills: ["organisation d'événements", "gestion d'agenda"] },
  { key: "melanie.carpentier", name: "Mélanie Carpentier", title: "Chargée de mission RSE", department: D, location: "Lyon", manager: "helene.fontaine", skills: ["bilan carbone", "écoconception", "labels PEFC et FSC"], bio: "Du bois français, des chutes valorisées, des trajets réduits : c'est mon quotidien." },
  { key: "sandrine.moreau", name: "Sandrine Moreau", title: "Directrice des ressources humaines", department: RH, location: "Lyon", manager: "helene.fontaine", skills: ["droit social", "dialogue social", "GPEC"] },
  { key: "karim.haddad", name: "Karim Haddad", title: "Chargé de recrutement", department: RH, location: "Lyon", manager: "sandrine.moreau", skills: ["recrutement", "marque employeur", "alternance"], languages: ["Français", "Anglais", "Arabe"] },
  { key: "elodie.blanc", name: "Élodie Blanc", title: "Responsable formation", department: RH, location: "Nantes", manager: "sandrine.moreau", skills: ["ingénierie de formation", "intégration", "tutorat"] },
  { key: "julie.caron", name: "Julie Caron", title: "Gestionnaire paie", department: RH, location: "Lyon", manager: "sandrine.moreau", skills: ["paie", "Silae", "mutuelle et prévoyance"] },
  { key: "philippe.garnier", name: "Philippe Garnier", title: "Directeur administratif et financier", department: FIN, location: "Lyon", manager: "helene.fontaine", skills: ["finance d'entreprise", "fusions-acquisitions", "trésorerie"], languages: ["Français", "Anglais"] },
  { key: "nathalie.dupuis", name: "Nathalie Dupuis", title: "Contrôleuse de gestion", department: FIN, location: "Lyon", manager: "philippe.garnier", skills: ["contrôle de gestion", "Excel", "coûts de revient"] },
  { key: "thierry.lemaire", name: "Thierry Lemaire", title: "Comptable général", department: FIN, location: "Lyon", manager: "philippe.garnier", skills: ["comptabilité", "clôtures", "fiscalité"] },
  { key: "amandine.roux", name: "Amandine Roux", title: "Comptable fournisseurs", department: FIN, location: "Lyon", manager: "philippe.garnier", skills: ["comptabilité fournisseurs", "dématérialisation des factures"] },
  { key: "stephane.bonnet", name: "Stéphane Bonnet", title: "Directeur commercial", department: COM, location: "Paris", manager: "olivier.fontaine", skills: ["vente B2B", "grands comptes", "management commercial"], languages: ["Français", "Anglais"] },
  { key: "claire.vidal", name: "Claire Vidal", title: "Responsable grands comptes", department: COM, location: "Paris", manager: "stephane.bonnet", skills: ["appels d'offres", "aménagement de bureaux", "négociation"], languages: ["Français", "Anglais"] },
  { key: "mehdi.benali", name: "Mehdi Benali", title: "Commercial Île-de-France", department: COM, location: "Paris", manager: "claire.vidal", skills: ["prospection", "CRM", "aménagement de bureaux"] },
  { key: "pauline.girard", name: "Pauline Girard", title: "Commerciale Île-de-France", department: COM, location: "Paris", manager: "claire.vidal", skills: ["prospection", "prescription architectes"] },
  { key: "lucas.perrin", name: "Lucas Perrin", title: "Assistant commercial (alternance)", department: COM, location: "Paris", manager: "claire.vidal", skills: ["CRM", "devis"], bio: "En alternance à l'ESSEC, trois semaines ici, une semaine en cours." },
  { key: "margaux.denis", name: "Margaux Denis", title: "Responsable du showroom", department: COM, location: "Paris", manager: "stephane.bonnet", skills: ["merchandising", "accueil clients", "événementiel"] },
  { key: "antoine.mercier", name: "Antoine Mercier", title: "Responsable des ventes Grand Ouest", department: COM, location: "Nantes", manager: "stephane.bonnet", skills: ["vente B2B", "collectivités", "marchés publics"] },
  { key: "camille.lefevre", name: "Camille Lefèvre", title: "Commerciale Grand Ouest", department: COM, location: "Nantes", manager: "antoine.mercier", skills: ["prospection", "collectivités"] },
  { key: "romain.chevalier", name: "Romain Chevalier", title: "Commercial Rhône-Alpes", department: COM, location: "Lyon", manager: "stephane.bonnet", skills: ["prospection", "mobilier de bureau", "trail"], bio: "Commercial la semaine, traileur le week-end." },
  { key: "ines.fabre", name: "Inès Fabre", title: "Chargée d'affaires export", department: COM, location: "Lyon", manager: "stephane.bonnet", skills: ["export", "incoterms", "salons internationaux"], languages: ["Français", "Anglais", "Espagnol", "Italien"] },
  { key: "virginie.lemoine", name: "Virginie Lemoine", title: "Responsable administration des ventes", department: COM, location: "Lyon", manager: "stephane.bonnet", skills: ["ADV", "facturation", "relation client"] },
  { key: "damien.huet", name: "Damien Huet", title: "Chargé ADV", department: COM, location: "Lyon", manager: "virginie.lemoine", skills: ["ADV", "suivi de commandes"] },
  { key: "aline.perret", name: "Aline Perret", title: "Chargée de relation client", department: COM, location: "Lyon", manager: "virginie.lemoine", skills: ["service après-vente", "relation client"] },
  { key: "aurelie.fournier", name: "Aurélie Fournier", title: "Responsable communication", department: COMM, location: "Lyon", manager: "olivier.fontaine", skills: ["communication interne", "relations presse", "événementiel"], languages: ["Français", "Anglais"] },
  { key: "hugo.lambert", name: "Hugo Lambert", title: "Chargé de communication digitale", department: COMM, location: "Lyon", manager: "aurelie.fournier", skills: ["réseaux sociaux", "vidéo", "photographie"] },
  { key: "lea.gauthier", name: "Léa Gauthier", title: "Graphiste", department: COMM, location: "Lyon", manager: "aurelie.fournier", skills: ["design graphique", "photographie", "catalogue produits"], bio: "Toujours un appareil photo dans le sac." },
  { key: "francois.dumas", name: "François Dumas", title: "Directeur des systèmes d'information", department: IT, location: "Lyon", manager: "olivier.fontaine", skills: ["gouvernance SI", "ERP", "cybersécurité"], languages: ["Français", "Anglais"] },
  { key: "chloe.lucas", name: "Chloé Lucas", title: "Cheffe de projet ERP", department: IT, location: "Lyon", manager: "francois.dumas", skills: ["gestion de projet", "ERP", "conduite du changement"] },
  { key: "yannick.legall", name: "Yannick Le Gall", title: "Administrateur systèmes et réseaux", department: IT, location: "Nantes", manager: "francois.dumas", skills: ["Linux", "réseaux", "sauvegardes"], languages: ["Français", "Anglais", "Breton"] },
  { key: "sophie.marchand", name: "Sophie Marchand", title: "Développeuse", department: IT, location: "Lyon", manager: "francois.dumas", skills: ["TypeScript", "PostgreSQL", "intégrations ERP"] },
  { key: "maxime.robin", name: "Maxime Robin", title: "Développeur", department: IT, location: "Grenoble", manager: "francois.dumas", skills: ["Python", "automatisation", "configurateur produit"], bio: "En télétravail depuis Grenoble, à Lyon un jeudi sur deux." },
  { key: "bastien.colin", name: "Bastien Colin", title: "Technicien support", department: IT, location: "Lyon", manager: "yannick.legall", skills: ["support utilisateurs", "postes de travail", "téléphonie"] },
  { key: "quentin.marie", name: "Quentin Marie", title: "Stagiaire développeur", department: IT, location: "Lyon", manager: "sophie.marchand", skills: ["TypeScript", "React"] },
  { key: "vincent.arnaud", name: "Vincent Arnaud", title: "Responsable du bureau d'études", department: BE, location: "Lyon", manager: "olivier.fontaine", skills: ["conception mobilier", "SolidWorks", "industrialisation"] },
  { key: "manon.picard", name: "Manon Picard", title: "Designer produit", department: BE, location: "Lyon", manager: "vincent.arnaud", skills: ["design produit", "ergonomie", "écoconception"], languages: ["Français", "Anglais", "Danois"] },
  { key: "guillaume.brunet", name: "Guillaume Brunet", title: "Dessinateur projeteur", department: BE, location: "Lyon", manager: "vincent.arnaud", skills: ["SolidWorks", "plans d'implantation"] },
  { key: "laurent.masson", name: "Laurent Masson", title: "Responsable logistique", department: LOG, location: "Nantes", manager: "olivier.fontaine", skills: ["logistique", "transport", "gestion des stocks"] },
  { key: "emilie.renard", name: "Émilie Renard", title: "Acheteuse bois et quincaillerie", department: LOG, location: "Lyon", manager: "laurent.masson", skills: ["achats", "filière bois", "négociation fournisseurs"] },
  { key: "kevin.morel", name: "Kévin Morel", title: "Gestionnaire des expéditions", department: LOG, location: "Nantes", manager: "laurent.masson", skills: ["expéditions", "transport", "emballage"] },
  { key: "fatima.zeroual", name: "Fatima Zeroual", title: "Cariste", department: LOG, location: "Nantes", manager: "kevin.morel", skills: ["CACES", "préparation de commandes"] },
  { key: "jeanmarc.bertrand", name: "Jean-Marc Bertrand", title: "Directeur industriel", department: PROD, location: "Nantes", manager: "olivier.fontaine", skills: ["lean manufacturing", "industrialisation", "management d'équipe"] },
  { key: "patrick.giraud", name: "Patrick Giraud", title: "Responsable de l'atelier de Lyon", department: PROD, location: "Lyon", manager: "jeanmarc.bertrand", skills: ["ébénisterie", "planification", "management d'équipe"] },
  { key: "christophe.roussel", name: "Christophe Roussel", title: "Responsable de l'usine de Nantes", department: PROD, location: "Nantes", manager: "jeanmarc.bertrand", skills: ["production en série", "commande numérique", "management d'équipe"] },
  { key: "nicolas.faure", name: "Nicolas Faure", title: "Responsable qualité", department: PROD, location: "Nantes", manager: "jeanmarc.bertrand", skills: ["ISO 9001", "contrôle qualité", "norme NF Office Excellence"] },
  { key: "sylvie.andre", name: "Sylvie André", title: "Responsable QHSE", department: PROD, location: "Nantes", manager: "jeanmarc.bertrand", skills: ["sécurité au travail", "document unique", "ISO 14001"] },
  { key: "rachid.amrani", name: "Rachid Amrani", title: "Technicien méthodes", department: PROD, location: "Nantes", manager: "jeanmarc.bertrand", skills: ["méthodes", "gammes de fabrication", "SolidWorks"] },
  { key: "laetitia.collet", name: "Laëtitia Collet", title: "Assistante de production", department: PROD, location: "Nantes", manager: "jeanmarc.bertrand", skills: ["planification", "ordonnancement"] },
  { key: "anthony.lacroix", name: "Anthony Lacroix", title: "Technicien de maintenance", department: PROD, location: "Nantes", manager: "jeanmarc.bertrand", skills: ["maintenance", "électrotechnique", "pneumatique"] },
  { key: "david.guerin", name: "David Guérin", title: "Ébéniste", department: PROD, location: "Lyon", manager: "patrick.giraud", skills: ["ébénisterie", "placage", "restauration"], bio: "Compagnon du Devoir, vingt ans de métier." },
  { key: "mathieu.blanchard", name: "Mathieu Blanchard", title: "Ébéniste", department: PROD, location: "Lyon", manager: "patrick.giraud", skills: ["ébénisterie", "marqueterie"] },
  { key: "alexandre.gaillard", name: "Alexandre Gaillard", title: "Menuisier", department: PROD, location: "Lyon", manager: "patrick.giraud", skills: ["menuiserie", "assemblage"] },
  { key: "celine.barbier", name: "Céline Barbier", title: "Vernisseuse", department: PROD, location: "Lyon", manager: "patrick.giraud", skills: ["finition", "vernis à l'eau", "teintes"] },
  { key: "benoit.meunier", name: "Benoît Meunier", title: "Chef d'équipe montage", department: PROD, location: "Nantes", manager: "christophe.roussel", skills: ["montage", "management d'équipe", "sauveteur secouriste du travail"] },
  { key: "julien.muller", name: "Julien Muller", title: "Opérateur commande numérique", department: PROD, location: "Nantes", manager: "christophe.roussel", skills: ["commande numérique", "usinage"], languages: ["Français", "Allemand"] },
  { key: "sarah.henry", name: "Sarah Henry", title: "Opératrice commande numérique", department: PROD, location: "Nantes", manager: "christophe.roussel", skills: ["commande numérique", "programmation FAO"] },
  { key: "thomas.roy", name: "Thomas Roy", title: "Menuisier", department: PROD, location: "Nantes", manager: "christophe.roussel", skills: ["menuiserie", "assemblage"] },
  { key: "cedric.schmitt", name: "Cédric Schmitt", title: "Monteur", department: PROD, location: "Nantes", manager: "benoit.meunier", skills: ["montage", "contrôle final"] },
  { key: "marion.leclerc", name: "Marion Leclerc", title: "Technicienne qualité", department: PROD, location: "Nantes", manager: "nicolas.faure", skills: ["contrôle qualité", "métrologie"] },
];

/** The partner's two people, guests of the external community only. */
export const GUESTS: PersonPlan[] = [
  { key: "sebastien.martin", name: "Sébastien Martin", title: "Responsable d'exploitation", department: "Transports Martin", location: "Saint-Herblain", skills: ["transport routier", "exploitation"], bio: "Transports Martin, votre transporteur depuis 1987." },
  { key: "laura.petit", name: "Laura Petit", title: "Chargée de planification", department: "Transports Martin", location: "Saint-Herblain", skills: ["planification des tournées", "suivi des livraisons"] },
];
