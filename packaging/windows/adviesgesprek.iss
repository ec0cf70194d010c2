; Inno Setup 6.3+ script of the Adviesgesprek installer for Windows (x64).
;
; First build the program (packaging\README.md), then compile, from the source tree:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\adviesgesprek.iss
; With the department's overlay rulebook in the installer:
;   ISCC.exe /DOverlayDir=C:\pad\naar\regelboek packaging\windows\adviesgesprek.iss
; Result: packaging\dist\adviesgesprek-<versie>-setup.exe
; Silent install for software distribution: adviesgesprek-<versie>-setup.exe /VERYSILENT /NORESTART

#define AppName "Adviesgesprek"
#define AppPublisher "Rijksoverheid, directie Communicatie"
#define BuildDir AddBackslash(SourcePath) + "..\dist\adviesgesprek"
#define GuiExe "adviesgesprekw.exe"
#define CliExe "adviesgesprek.exe"
#define IconFile AddBackslash(SourcePath) + "..\work\generated\adviesgesprek.ico"

#if !FileExists(BuildDir + "\" + CliExe)
  #error Het programma is nog niet gebouwd: voer eerst pyinstaller uit (zie packaging\README.md).
#endif

; One version: the one PyInstaller wrote into the executable from pyproject.toml.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\" + CliExe, "ProductVersion")
#endif
#define AppNumericVersion GetVersionNumbersString(BuildDir + "\" + CliExe)

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{A7385C34-51A9-440C-A4E5-98435DDE5A9C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} installatieprogramma
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; For all users (IT installs it; the overlay rulebook lives in ProgramData). A per-user install
; without admin rights: setup.exe /CURRENTUSER
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=adviesgesprek-{#AppVersion}-setup
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build; a new version replaces the old files.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#ifdef OverlayDir
; The department's overlay rulebook, where the program looks for it.
Source: "{#OverlayDir}\*"; DestDir: "{commonappdata}\Adviesgesprek\regelboek"; Flags: ignoreversion recursesubdirs createallsubdirs
#endif

[InstallDelete]
; Files of an older version that the new build no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "Het gesprek over de sociale-media-accounts van een nieuwe bewindspersoon"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
