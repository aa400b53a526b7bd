// Generated names for the demo registry: family names common among each people of Lạng Sơn, a middle name and a
// given name. They are combinations drawn at random, not people.

import type { Random } from './demo-random.ts';

export type Ethnicity = 'Tày' | 'Nùng' | 'Kinh' | 'Dao' | 'Sán Chay' | 'Mông' | 'Hoa';

export const ETHNICITIES: readonly Ethnicity[] = ['Tày', 'Nùng', 'Kinh', 'Dao', 'Sán Chay', 'Mông', 'Hoa'];

export type Sex = 'male' | 'female';

const FAMILY_NAMES: Readonly<Record<Ethnicity, readonly string[]>> = {
  Tày: [
    'Hoàng',
    'Nông',
    'Lương',
    'Vi',
    'Hà',
    'Lăng',
    'Đinh',
    'Lục',
    'Chu',
    'Bế',
    'Hứa',
    'Dương',
    'Ma',
    'Mạc',
    'Lâm',
    'Đàm',
    'Nịnh',
    'Hoàng',
  ],
  Nùng: [
    'Hoàng',
    'Lăng',
    'Nông',
    'Vy',
    'Chu',
    'Lộc',
    'Triệu',
    'Mã',
    'Hứa',
    'Lý',
    'Sầm',
    'Linh',
    'Đàm',
    'La',
    'Hoàng',
    'Lương',
  ],
  Kinh: [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Vũ',
    'Đỗ',
    'Bùi',
    'Đặng',
    'Ngô',
    'Hoàng',
    'Dương',
    'Đào',
    'Nguyễn',
    'Trần',
  ],
  Dao: ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Chìu', 'Phùng', 'Dương', 'Hoàng'],
  'Sán Chay': ['Hoàng', 'Lâm', 'Trần', 'Lương', 'Ninh', 'Diệp'],
  Mông: ['Vàng', 'Giàng', 'Lý', 'Hầu', 'Thào', 'Sùng'],
  Hoa: ['Lâm', 'Lưu', 'Trương', 'Hứa', 'Tăng', 'Mạc', 'Quan'],
};

const GIVEN_MALE = [
  'Hùng',
  'Thắng',
  'Minh',
  'Dũng',
  'Tuấn',
  'Quân',
  'Sơn',
  'Hải',
  'Lâm',
  'Phong',
  'Cường',
  'Bình',
  'Đức',
  'Hiếu',
  'Kiên',
  'Long',
  'Nam',
  'Phúc',
  'Quý',
  'Tài',
  'Thành',
  'Toàn',
  'Trung',
  'Việt',
  'Vinh',
  'Chiến',
  'Hoàn',
  'Khánh',
  'Lợi',
  'Nghĩa',
  'Tiến',
  'Hưng',
  'Thuận',
  'Sáng',
  'Định',
  'Khải',
  'Lực',
  'Mạnh',
  'Thịnh',
  'Tường',
];
const GIVEN_FEMALE = [
  'Hoa',
  'Lan',
  'Mai',
  'Hương',
  'Nhung',
  'Thảo',
  'Huyền',
  'Hằng',
  'Liên',
  'Ngọc',
  'Phương',
  'Quỳnh',
  'Thu',
  'Trang',
  'Vân',
  'Xuân',
  'Yến',
  'Duyên',
  'Hạnh',
  'Loan',
  'Nga',
  'Oanh',
  'Thúy',
  'Tươi',
  'Hiền',
  'Lụa',
  'Mến',
  'Nhàn',
  'Sen',
  'Thơm',
  'Dung',
  'Hậu',
];
// Names more often given since the late 1990s.
const GIVEN_MALE_YOUNG = [
  'Anh',
  'Bảo',
  'Duy',
  'Khoa',
  'Huy',
  'Đạt',
  'Phát',
  'Nhật',
  'Tùng',
  'Quang',
  'Hoàng',
  'Gia Huy',
];
const GIVEN_FEMALE_YOUNG = [
  'Linh',
  'Ngân',
  'Trâm',
  'Vy',
  'My',
  'Anh',
  'Chi',
  'Diệp',
  'Hà',
  'Khánh Linh',
  'Ánh',
  'Thư',
];
const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Văn', 'Đức', 'Xuân', 'Minh', 'Hữu', 'Quang'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Minh'];
// Mông names: family, "A" or "Thị", then a one-syllable given name.
const MONG_GIVEN_MALE = ['Páo', 'Chứ', 'Sử', 'Dế', 'Lử', 'Sinh', 'Tú', 'Chả'];
const MONG_GIVEN_FEMALE = ['Mỷ', 'Dợ', 'Súa', 'Pàng', 'Chúa', 'Mai', 'Sua'];

export function drawFamilyName(random: Random, ethnicity: Ethnicity): string {
  return random.pick(FAMILY_NAMES[ethnicity]);
}

/** A full name for a person of this people, sex and birth year, with the given family name. */
export function drawFullName(
  random: Random,
  familyName: string,
  ethnicity: Ethnicity,
  sex: Sex,
  birthYear: number,
): string {
  if (ethnicity === 'Mông') {
    return sex === 'male'
      ? `${familyName} A ${random.pick(MONG_GIVEN_MALE)}`
      : `${familyName} Thị ${random.pick(MONG_GIVEN_FEMALE)}`;
  }
  const young = birthYear >= 1995 && random.chance(0.6);
  const given =
    sex === 'male'
      ? random.pick(young ? GIVEN_MALE_YOUNG : GIVEN_MALE)
      : random.pick(young ? GIVEN_FEMALE_YOUNG : GIVEN_FEMALE);
  // A two-syllable given name ("Khánh Linh") takes no middle name.
  if (given.includes(' ')) return `${familyName} ${given}`;
  const middle = random.pick(sex === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE);
  return `${familyName} ${middle} ${given}`;
}
