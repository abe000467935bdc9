import type { PostPlan } from "./script.ts";

/** Life around work: the photo club, the runners and the factory's vegetable garden. */
export const INTEREST_POSTS: PostPlan[] = [
  {
    community: "club-photo",
    author: "lea.gauthier",
    daysAgo: 37,
    time: "18:10",
    body: `Bienvenue au club photo ! Le principe : un thème par mois, chacun partage ses trois meilleures images, et on en choisit une pour la une de la lettre interne.

Ce mois-ci : #matières, le bois, le métal, les textures de l'atelier. Tous les niveaux et tous les appareils sont bienvenus, téléphone compris.`,
    reactions: { like: 9 },
    comments: [
      { author: "david.guerin", minutesAfter: 60, body: "Je vais enfin pouvoir montrer les veinures du noyer qu'on travaille en ce moment." },
      { author: "yannick.legall", minutesAfter: 120, body: "Téléphone compris, parfait : c'est mon seul appareil 😄" },
    ],
  },
  {
    community: "club-photo",
    author: "manon.picard",
    daysAgo: 22,
    time: "20:30",
    body: "Sortie photo dimanche matin aux Puces du Canal, à Villeurbanne : beaucoup de mobilier vintage et une lumière superbe avant 10 h. Qui vient ? #sortie",
    reactions: { like: 7, curious: 1 },
    comments: [
      { author: "hugo.lambert", minutesAfter: 35, body: "Je viens avec mon vieux Nikon argentique !" },
      {
        author: "karim.haddad",
        minutesAfter: 80,
        body: "Partant, j'apporte les croissants.",
        replies: [{ author: "manon.picard", minutesAfter: 15, body: "Parfait, rendez-vous à 8 h 30 à l'entrée 😊" }],
      },
    ],
  },
  {
    community: "club-photo",
    author: "lea.gauthier",
    daysAgo: 6,
    time: "19:00",
    body: "Résultat du thème #matières : la photo retenue pour la lettre interne est celle de {@thomas.roy}, des copeaux de chêne en contre-jour à l'usine. Bravo Thomas ! Thème du mois prochain : #portraits au travail, avec l'accord des personnes photographiées bien sûr.",
    reactions: { like: 6, celebrate: 4 },
    comments: [{ author: "thomas.roy", minutesAfter: 45, body: "Merci beaucoup ! C'était à la pause, la lumière tombait parfaitement." }],
  },
  {
    community: "course",
    author: "romain.chevalier",
    daysAgo: 35,
    time: "12:40",
    body: "Le programme des sorties du midi : mardi à Lyon, tour du parc de Gerland (7 km, allure tranquille), et jeudi fractionné. À Nantes, {@elodie.blanc} organise les sorties le long de l'Erdre le lundi et le vendredi. Douches disponibles sur les deux sites. #sorties",
    reactions: { like: 8 },
    comments: [
      { author: "elodie.blanc", minutesAfter: 30, body: "Départ à 12 h 15 devant l'accueil de l'usine, retour pour 13 h !" },
      { author: "olivier.fontaine", minutesAfter: 150, body: "Je tenterai le mardi, soyez indulgents 😅", reactions: { like: 6 } },
    ],
  },
  {
    community: "course",
    author: "elodie.blanc",
    daysAgo: 18,
    time: "08:15",
    body: "Qui s'inscrit au relais inter-entreprises de Nantes le mois prochain ? Il nous faut deux équipes de quatre. L'entreprise prend en charge les inscriptions et les t-shirts. #relais #nantes",
    reactions: { like: 6 },
    comments: [
      { author: "julien.muller", minutesAfter: 40, body: "Inscrit !" },
      { author: "camille.lefevre", minutesAfter: 55, body: "Moi aussi, et je motive {@antoine.mercier}." },
      { author: "antoine.mercier", minutesAfter: 75, body: "Camille m'a motivé. Je prendrai le relais le plus court 😄", reactions: { like: 4 } },
    ],
  },
  {
    community: "course",
    author: "sophie.marchand",
    daysAgo: 3,
    time: "13:50",
    body: "Record personnel au semi de Lyon : 1 h 49 ! Merci à {@romain.chevalier} pour les plans d'entraînement. Prochain objectif : le trail des Monts du Lyonnais. #semi",
    reactions: { like: 6, celebrate: 5 },
    comments: [{ author: "romain.chevalier", minutesAfter: 25, body: "Énorme ! Le trail, on le prépare ensemble." }],
  },
  {
    community: "potager",
    author: "benoit.meunier",
    daysAgo: 30,
    time: "12:30",
    body: "Les plants sont en terre, merci à {@fatima.zeroual} pour les pieds de tomates cerises. Planning d'arrosage : un jour chacun, inscrivez-vous en commentaire. #potager",
    reactions: { like: 5 },
    comments: [
      { author: "fatima.zeroual", minutesAfter: 20, body: "Je prends le lundi." },
      { author: "sylvie.andre", minutesAfter: 45, body: "Le mercredi pour moi. Pensez aux gants, il y a des orties près du composteur 😉" },
      { author: "laetitia.collet", minutesAfter: 60, body: "Jeudi !" },
    ],
  },
  {
    community: "potager",
    author: "anthony.lacroix",
    daysAgo: 8,
    time: "16:20",
    body: "J'ai réparé le récupérateur d'eau de pluie : la vanne fuyait. On devrait tenir trois semaines sans pluie. #potager",
    reactions: { like: 4, support: 1 },
  },
];
