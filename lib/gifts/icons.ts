// The gift icons the app ships (public/gifts/): the catalog's icon is one of these.
export const GIFT_ICONS = ["/gifts/heart.svg", "/gifts/rose.svg", "/gifts/star.svg", "/gifts/cake.svg", "/gifts/fireworks.svg", "/gifts/rocket.svg", "/gifts/crown.svg"] as const;
