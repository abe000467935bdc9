import type { PostPlan } from "./script.ts";

/** Work between colleagues: the sales team, the developers and the managers' circle. */
export const WORK_POSTS: PostPlan[] = [
  {
    community: "commerciaux",
    author: "stephane.bonnet",
    daysAgo: 39,
    time: "08:30",
    body: "Bienvenue dans notre espace. Ici : les affaires en cours, les retours terrain et tout ce qui peut aider un collègue à signer. Une règle simple : une question posée ici reçoit une réponse dans la journée. #commercial",
    reactions: { like: 10 },
    comments: [{ author: "claire.vidal", minutesAfter: 15, body: "Et on partage aussi les victoires, pas seulement les galères 😄", reactions: { like: 5 } }],
  },
  {
    community: "commerciaux",
    author: "claire.vidal",
    daysAgo: 29,
    time: "17:05",
    body: "Signature du siège de la Mutuelle de l'Ouest : 240 postes de travail en gamme Traverse, livrés en trois vagues. Merci à {@mehdi.benali} pour le suivi et à {@virginie.lemoine} pour les échéanciers. #affaire #traverse",
    reactions: { celebrate: 7, like: 3 },
    comments: [
      { author: "antoine.mercier", minutesAfter: 20, body: "Bravo ! On avait présenté la gamme à leur site de Rennes il y a deux ans, content que ça aboutisse." },
      { author: "virginie.lemoine", minutesAfter: 45, body: "Les trois commandes sont saisies, premières livraisons dans cinq semaines." },
    ],
  },
  {
    community: "commerciaux",
    author: "mehdi.benali",
    daysAgo: 16,
    time: "09:40",
    body: "Question : un client me demande un plateau de 180 cm en chêne clair pour la Traverse. C'est faisable en délai standard ? #traverse",
    reactions: { like: 3, insightful: 2 },
    comments: [
      {
        author: "virginie.lemoine",
        minutesAfter: 25,
        body: "Le 180 n'est au catalogue qu'en chêne naturel. En chêne clair, compte deux semaines de plus.",
        reactions: { like: 3 },
        replies: [{ author: "mehdi.benali", minutesAfter: 10, body: "Parfait, merci Virginie, je l'indique dans le devis." }],
      },
      { author: "ines.fabre", minutesAfter: 70, body: "Même demande d'un client espagnol la semaine dernière : il y a peut-être un besoin à remonter au bureau d'études." },
    ],
  },
  {
    community: "commerciaux",
    author: "ines.fabre",
    daysAgo: 4,
    time: "18:00",
    body: "Retour du salon Orgatec : beaucoup de passage sur le stand, 35 contacts qualifiés dont une dizaine en Espagne et en Italie. Le bureau assis-debout en noyer a fait sensation. Compte rendu complet vendredi en réunion. #export #salon",
    reactions: { like: 8, celebrate: 4 },
    comments: [
      { author: "stephane.bonnet", minutesAfter: 35, body: "Très bon travail, Inès. On en parle avec {@margaux.denis} pour le mettre en vitrine au showroom." },
      { author: "margaux.denis", minutesAfter: 60, body: "Je lui garde la place centrale !" },
    ],
  },
  {
    community: "developpeurs",
    author: "sophie.marchand",
    daysAgo: 37,
    time: "10:20",
    body: `Pour celles et ceux qui arrivent : nos dépôts sont sur le GitLab interne, et chaque projet a un README pour démarrer.

Le configurateur produit est en TypeScript, les scripts d'intégration ERP en Python. Les revues de code se font en binôme. #onboarding #dev`,
    reactions: { like: 6 },
    comments: [
      { author: "quentin.marie", minutesAfter: 50, body: "Merci ! J'ai lancé le configurateur en local du premier coup 🙌" },
      { author: "maxime.robin", minutesAfter: 75, body: "Pensez à demander l'accès au VPN à {@bastien.colin} avant de travailler de chez vous." },
    ],
  },
  {
    community: "developpeurs",
    author: "maxime.robin",
    daysAgo: 21,
    time: "15:00",
    body: "Le configurateur calcule désormais les délais en direct à partir du planning de l'usine. Avant, c'était un tableau mis à jour à la main chaque lundi. Merci à {@laetitia.collet} pour les données de planification. #configurateur",
    reactions: { like: 4, celebrate: 2, insightful: 1 },
    comments: [
      { author: "sophie.marchand", minutesAfter: 30, body: "Chapeau ! Tu nous fais une démo au point du jeudi ?" },
      { author: "rachid.amrani", minutesAfter: 120, body: "Ça va nous éviter pas mal d'appels des commerciaux, merci !" },
    ],
  },
  {
    community: "developpeurs",
    author: "yannick.legall",
    daysAgo: 7,
    time: "11:45",
    body: "Maintenance du serveur de fichiers samedi de 8 h à 12 h : les lecteurs réseau seront inaccessibles. Les sauvegardes de la nuit de vendredi tourneront normalement. #maintenance",
    reactions: { like: 4, insightful: 1 },
    comments: [{ author: "bastien.colin", minutesAfter: 30, body: "J'ajoute l'information sur l'écran d'accueil de Lyon." }],
  },
  {
    community: "managers",
    author: "sandrine.moreau",
    daysAgo: 32,
    time: "09:00",
    body: "La campagne d'entretiens annuels s'ouvre lundi. Nouveauté : une partie sur la charge de travail et le droit à la déconnexion. Je propose un atelier de 45 minutes mardi pour présenter la trame, en visio pour Nantes et Paris. #entretiens",
    reactions: { like: 7 },
    comments: [
      {
        author: "patrick.giraud",
        minutesAfter: 40,
        body: "Pour l'atelier, peut-on faire les entretiens sur papier ? Tout le monde n'a pas de poste.",
        replies: [{ author: "sandrine.moreau", minutesAfter: 25, body: "Oui, une version papier est prévue : Julie, de la paie, la dépose au bureau de l'atelier." }],
      },
      { author: "claire.vidal", minutesAfter: 90, body: "Je serai en déplacement mardi : la présentation sera-t-elle enregistrée ?" },
    ],
  },
  {
    community: "managers",
    author: "jeanmarc.bertrand",
    daysAgo: 12,
    time: "14:30",
    body: "Retour d'expérience : depuis que nous faisons un point d'équipe debout de dix minutes à la prise de poste à Carquefou, les reprises ont baissé d'un tiers. Je partage la trame à qui la veut. #management #lean",
    reactions: { like: 6, insightful: 5 },
    comments: [
      { author: "christophe.roussel", minutesAfter: 30, body: "Je confirme, et l'équipe de nuit l'a adopté aussi." },
      { author: "virginie.lemoine", minutesAfter: 100, body: "Je veux bien la trame pour l'ADV !" },
    ],
  },
];
