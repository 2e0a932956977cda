/*
 * bcryptprimitives.dll for test-wine.sh only, never shipped: Go's runtime
 * (since 1.22) takes its random bytes from bcryptprimitives!ProcessPrng and
 * stops at start-up without it ("bcryptprimitives.dll not found"). Windows
 * 10 and 11 have it; Wine 8.0 (Debian 12's wine64) does not, so the test
 * compiles this one with MinGW-w64 into its throwaway Wine prefix, giving
 * Wine's BCryptGenRandom the name Go looks for.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
