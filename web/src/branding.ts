export const appName = 'Chung Tay';
export const tagline = 'Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau';
