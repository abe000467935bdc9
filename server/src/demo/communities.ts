import { EMPLOYEES } from "./people.ts";
import { ADMIN, type CommunityPlan } from "./script.ts";

/** The company community exists in every network; in the demo these two manage it (and so may announce). */
export const COMPANY_MANAGERS = ["helene.fontaine", "aurelie.fournier"];

/** Everyone who manages someone: the members of the managers' circle. */
const PEOPLE_MANAGERS = EMPLOYEES.filter((person) => EMPLOYEES.some((other) => other.manager === person.key)).map((person) => person.key);

const PARTNER_CHARTER = `Cet espace est partagé avec notre partenaire Transports Martin.

1. Aucune information commerciale : ni prix de vente, ni marges, ni clients au-delà des adresses de livraison.
2. Tout incident de livraison est signalé ici sous 24 heures, avec des photos si possible.
3. On reste courtois : chacun fait de son mieux pour que les meubles arrivent entiers.

En cas de doute, demandez à Laurent Masson.`;

/**
 * The demo's communities, one of each kind and visibility at least: interests open to all or
 * closed, professions, projects (one under way, one over and archived, one secret), and the
 * external one shared with the partner's two guests, under a charter.
 */
export const COMMUNITIES: CommunityPlan[] = [
  {
    key: "club-photo",
    kind: "interest",
    visibility: "public",
    name: "Club photo",
    description: "Un thème par mois, vos plus belles images, et une photo choisie pour la une de la lettre interne. Tous niveaux, téléphone compris.",
    createdDaysAgo: 40,
    owner: "lea.gauthier",
    managers: ["hugo.lambert"],
    members: ["david.guerin", "manon.picard", "yannick.legall", "ines.fabre", "thomas.roy", "marion.leclerc", "karim.haddad", "melanie.carpentier", "sarah.henry", "margaux.denis", ADMIN],
  },
  {
    key: "course",
    kind: "interest",
    visibility: "public",
    name: "Course à pied",
    description: "Sorties du midi à Lyon (parc de Gerland) et à Nantes (bords de l'Erdre), courses en équipe et plans d'entraînement.",
    createdDaysAgo: 38,
    owner: "romain.chevalier",
    managers: ["elodie.blanc"],
    members: ["julien.muller", "sophie.marchand", "nicolas.faure", "camille.lefevre", "antoine.mercier", "bastien.colin", "celine.barbier", "karim.haddad", "olivier.fontaine", "laetitia.collet", "quentin.marie", "cedric.schmitt"],
  },
  {
    key: "potager",
    kind: "interest",
    visibility: "closed",
    name: "Potager de Carquefou",
    description: "Le potager partagé derrière l'usine : planning d'arrosage, récoltes et trocs de graines.",
    createdDaysAgo: 33,
    owner: "benoit.meunier",
    members: ["fatima.zeroual", "anthony.lacroix", "sylvie.andre", "laetitia.collet", "marion.leclerc", "kevin.morel"],
    pendingRequest: { person: "rachid.amrani", message: "Je peux prendre l'arrosage du mardi si vous voulez de l'aide !" },
  },
  {
    key: "commerciaux",
    kind: "profession",
    visibility: "closed",
    name: "Communauté des commerciaux",
    description: "Affaires en cours, retours terrain, argumentaires et tarifs. Réservée aux équipes commerciales et à l'ADV.",
    createdDaysAgo: 41,
    owner: "stephane.bonnet",
    managers: ["claire.vidal"],
    members: ["mehdi.benali", "pauline.girard", "lucas.perrin", "margaux.denis", "antoine.mercier", "camille.lefevre", "romain.chevalier", "ines.fabre", "virginie.lemoine", "damien.huet", "aline.perret"],
    pendingRequest: { person: "manon.picard", message: "Designer produit : j'aimerais suivre les retours clients sur la gamme Traverse." },
  },
  {
    key: "developpeurs",
    kind: "profession",
    visibility: "public",
    name: "Développeurs",
    description: "Code, outils et intégrations maison : ERP, configurateur produit, site web. Les curieux sont les bienvenus.",
    createdDaysAgo: 39,
    owner: "sophie.marchand",
    members: ["maxime.robin", "quentin.marie", "chloe.lucas", "yannick.legall", "bastien.colin", "francois.dumas", "hugo.lambert", "rachid.amrani", ADMIN],
  },
  {
    key: "managers",
    kind: "profession",
    visibility: "closed",
    name: "Cercle des managers",
    description: "Entre managers : entretiens annuels, intégration, organisation des équipes. Bienveillance et confidentialité.",
    createdDaysAgo: 36,
    owner: "sandrine.moreau",
    members: PEOPLE_MANAGERS.filter((key) => key !== "sandrine.moreau"),
  },
  {
    key: "vernissage",
    kind: "project",
    visibility: "closed",
    name: "Nouvelle ligne de vernissage — Nantes",
    description: "Remplacement de la cabine de vernis solvanté par une ligne de vernis à l'eau à Carquefou : installation, essais, formation des équipes.",
    createdDaysAgo: 34,
    owner: "jeanmarc.bertrand",
    managers: ["christophe.roussel"],
    members: ["nicolas.faure", "sylvie.andre", "rachid.amrani", "anthony.lacroix", "celine.barbier", "emilie.renard", "elodie.blanc", "benoit.meunier", "sarah.henry", "melanie.carpentier"],
    project: { startedDaysAgo: 60, endsInDays: 75 },
  },
  {
    key: "erp",
    kind: "project",
    visibility: "public",
    name: "Migration ERP",
    description: "Bascule vers le nouvel ERP : paramétrage, reprise des données, recette et formation. Projet terminé, l'espace reste consultable.",
    createdDaysAgo: 42,
    owner: "chloe.lucas",
    managers: ["francois.dumas"],
    members: ["sophie.marchand", "maxime.robin", "nathalie.dupuis", "thierry.lemaire", "amandine.roux", "virginie.lemoine", "damien.huet", "laetitia.collet", "kevin.morel", "julie.caron"],
    project: { startedDaysAgo: 150, endsInDays: -12 },
  },
  {
    key: "chene",
    kind: "project",
    visibility: "secret",
    name: "Projet Chêne",
    description: "Étude du rachat de la scierie Morel, en Haute-Loire. Strictement confidentiel : rien ne sort de cet espace.",
    createdDaysAgo: 20,
    owner: "helene.fontaine",
    managers: ["philippe.garnier"],
    members: ["olivier.fontaine", "jeanmarc.bertrand", "emilie.renard", "sandrine.moreau", "melanie.carpentier"],
    project: { startedDaysAgo: 20, endsInDays: 100 },
  },
  {
    key: "partenaires",
    kind: "external",
    visibility: "closed",
    name: "Partenaires — Transports Martin",
    description: "Espace partagé avec Transports Martin : enlèvements, plannings de livraison, incidents et réserves.",
    createdDaysAgo: 30,
    owner: ADMIN,
    managers: ["laurent.masson"],
    members: ["kevin.morel", "fatima.zeroual", "virginie.lemoine", "damien.huet", "antoine.mercier", "sebastien.martin", "laura.petit"],
    charter: { text: PARTNER_CHARTER, notYetAcceptedBy: ["antoine.mercier"] },
  },
];
