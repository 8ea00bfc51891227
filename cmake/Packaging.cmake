# `cpack -G DEB` (scripts/package.sh): a Debian package with the binary, the
# built web UI, the questionnaires, the demo data, the documentation, a
# systemd unit and the configuration file. The binary finds its files
# through its own location (src/cli/paths.cpp), so the layout below is the contract.
include(GNUInstallDirs)

install(TARGETS regie RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/questionnaires/ DESTINATION ${CMAKE_INSTALL_DATADIR}/regie/questionnaires)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/demo/ DESTINATION ${CMAKE_INSTALL_DATADIR}/regie/demo)
# The web UI is built by npm (web/); scripts/package.sh builds it first and
# refuses to package without it.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/dist/ DESTINATION ${CMAKE_INSTALL_DATADIR}/regie/web OPTIONAL)
# Where the operator places the iStandaarden XSDs (docs/operations.md).
install(DIRECTORY DESTINATION ${CMAKE_INSTALL_DATADIR}/regie/istandaarden)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md" PATTERN "*.json")
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/regie.service DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/regie.toml DESTINATION /etc/regie)

set(CPACK_PACKAGE_NAME regie)
set(CPACK_PACKAGE_VENDOR "Regie")
set(CPACK_PACKAGE_CONTACT "Regie maintainers <beheer@regie.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Household overview for municipal family directors")
set(CPACK_PACKAGE_DESCRIPTION "Regie shows every form of support a multi-problem household gets, with its cost, the director's household plan and mandate decisions, outcome measurements and the social business case.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY regie)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/postinst;${PROJECT_SOURCE_DIR}/packaging/prerm;${PROJECT_SOURCE_DIR}/packaging/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
