/**
 * Extra words a person may type to find a zone: city and country names in Korean, and the
 * abbreviations people use. Intl gives each zone a localized name ("한국 표준시") but no
 * localized city, so "서울" would find nothing without this. Only the zones Korean B2B teams
 * most often send to: the rest are found by their city in English or their offset.
 */
export const ZONE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'Asia/Seoul': ['서울', '한국', '대한민국', 'Korea', 'KST'],
  'Asia/Tokyo': ['도쿄', '일본', 'Japan', 'JST'],
  'Asia/Shanghai': ['상하이', '베이징', '중국', 'China', 'Beijing'],
  'Asia/Hong_Kong': ['홍콩'],
  'Asia/Taipei': ['타이베이', '대만', 'Taiwan'],
  'Asia/Singapore': ['싱가포르'],
  'Asia/Bangkok': ['방콕', '태국', 'Thailand'],
  'Asia/Ho_Chi_Minh': ['호찌민', '호치민', '베트남', 'Vietnam', 'Saigon'],
  'Asia/Saigon': ['호찌민', '호치민', '베트남', 'Vietnam', 'Ho Chi Minh'],
  'Asia/Jakarta': ['자카르타', '인도네시아', 'Indonesia'],
  'Asia/Manila': ['마닐라', '필리핀', 'Philippines'],
  'Asia/Kolkata': ['콜카타', '뭄바이', '인도', 'India', 'Mumbai', 'IST'],
  'Asia/Calcutta': ['콜카타', '뭄바이', '인도', 'India', 'Mumbai', 'Kolkata', 'IST'],
  'Asia/Dubai': ['두바이', '아랍에미리트'],
  'Australia/Sydney': ['시드니', '호주', 'Australia'],
  'Europe/London': ['런던', '영국', 'UK', 'Britain'],
  'Europe/Paris': ['파리', '프랑스', 'France'],
  'Europe/Berlin': ['베를린', '독일', 'Germany'],
  'America/New_York': ['뉴욕', '미국 동부', 'EST', 'EDT'],
  'America/Chicago': ['시카고', '미국 중부', 'CST', 'CDT'],
  'America/Denver': ['덴버', '미국 산악', 'MST'],
  'America/Los_Angeles': [
    '로스앤젤레스',
    'LA',
    '샌프란시스코',
    '미국 서부',
    'San Francisco',
    'PST',
    'PDT',
  ],
  'America/Sao_Paulo': ['상파울루', '브라질', 'Brazil'],
  UTC: ['협정 세계시', 'GMT', 'Coordinated Universal Time'],
};
