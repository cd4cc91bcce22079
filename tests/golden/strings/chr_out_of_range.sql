-- CHR of a negative code is '', of a larger one its low 8 bits (CHR(1114112) is U+0000)
SELECT CHR(-1), CHR(1114112), CHR(300), CHR(321), CHAR_LENGTH(CHR(-1)), ASCII(CHR(1114112));
